package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.srsync.bench.BenchReport;
import com.srsync.bench.LoadGenerator;
import com.srsync.stubs.ResilioConsole;
import com.srsync.stubs.ShotGridSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 2. Webhook ingress under load and 5. footprint, against the service as its own JVM (the load
 * generator and the WireMock upstreams run in this one, on the same 2 cores).
 */
class ProcessBench {
    @RegisterExtension
    static WireMockExtension shotgrid = ShotGridSite.server(wireMockConfig().dynamicPort().containerThreads(20));
    @RegisterExtension
    static WireMockExtension resilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().containerThreads(20)
            .disableRequestJournal()).build();

    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final String SECRET = "bench-webhook-secret";

    private Map<String, String> settings(Path data) {
        return Map.of("SHOTGRID_URL", shotgrid.baseUrl(), "SHOTGRID_SCRIPT_NAME", "bench", "SHOTGRID_API_KEY", "k",
                "SECRET_TOKEN", SECRET, "RESILIO_URL", resilio.baseUrl(), "RESILIO_TOKEN", ResilioConsole.TOKEN,
                "DATA_DIR", data.toString(), "SAFETY_NET_INITIAL_DELAY_MS", "3600000", "ADMIN_TOKEN", ADMIN);
    }

    static final String ADMIN = "admin-token-for-bench";

    @Test
    void webhook_ingress() throws Exception {
        new ShotGridSite(shotgrid).project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).install();
        new ResilioConsole(resilio).install();
        int port = ServiceTestSupport.freePort();
        try (ServiceProcess service = ServiceProcess.start(settings(Files.createTempDirectory("srsync-bench-")), port, "bench-ingress")) {
            LoadGenerator load = new LoadGenerator("127.0.0.1", port, id -> {
                byte[] body = WebhookSupport.assignmentChange(155, id);
                return LoadGenerator.post("127.0.0.1", port, "/webhooks/shotgrid", body, "x-sg-signature", WebhookSupport.sign(body, SECRET));
            });
            load.atRate(1000, 5, 16);   // warm-up, not reported
            List<String> rows = new ArrayList<>();
            for (int rate : new int[] {500, 1000, 5000}) rows.add(row(rate + "/s for " + SECONDS + " s", load.atRate(rate, SECONDS, 32)));
            rows.add(row("as fast as it answers (32 connections, " + Math.min(SECONDS, 15) + " s)", load.flatOut(32, Math.min(SECONDS, 15))));
            BenchReport.section(2, String.join("\n",
                    "## 2. Webhook ingress: signed deliveries over loopback",
                    "",
                    BenchReport.row("load", "answered", "errors", "achieved /s", "p50 ms", "p99 ms", "max ms"),
                    BenchReport.row("---", "---", "---", "---", "---", "---", "---"),
                    String.join("\n", rows),
                    "",
                    "Open model at fixed rates: each delivery is scheduled, and its time counts from when it was due, so a stall is not hidden. "
                            + "Every delivery is a distinct task-assignee change of one project (so all are accepted, none is a repeat), signed with HMAC-SHA1. "
                            + "The load generator keeps 32 persistent connections. The last row is a closed loop: each connection sends its next delivery as soon as the last is answered. "
                            + "Targets: p99 under 10 ms at 1,000/s; at least 10,000/s sustained; no errors."));
            service.stop();
        }
    }

    private static String row(String load, LoadGenerator.Result r) {
        return BenchReport.row(load, r.answered(), r.errors(), "%.0f".formatted(r.answered() / r.seconds()),
                BenchReport.ms(BenchReport.percentile(r.millis(), 50)), BenchReport.ms(BenchReport.percentile(r.millis(), 99)),
                BenchReport.ms(r.millis().isEmpty() ? 0 : Collections.max(r.millis())));
    }

    @Test
    void footprint() throws Exception {
        int projects = 100, shotsPerProject = 200;
        ShotGridSite site = new ShotGridSite(shotgrid);
        for (int p = 0; p < projects; p++) {
            site.project(1000 + p, "P%03d".formatted(p));
            for (int s = 0; s < shotsPerProject; s++) {
                long shot = 100_000L + p * shotsPerProject + s;
                site.shot(shot, 1000 + p, "SQ%02d_%04d".formatted(s / 20, s * 10), "active", "SQ%02d".formatted(s / 20));
                for (int t = 0; t < 3; t++) site.task(shot * 10 + t, shot, user(7 + (s + t) % 2, (s + t) % 2 == 0 ? "Alex Trial" : "Matthew Testuser"));
            }
        }
        site.install();
        new ResilioConsole(resilio).install();
        int port = ServiceTestSupport.freePort();
        Map<String, String> env = new java.util.HashMap<>(settings(Files.createTempDirectory("srsync-bench-")));
        env.put("SAFETY_NET_INITIAL_DELAY_MS", "1000");
        env.put("DELETE_GUARD_FRACTION", "1");
        env.put("RECONCILE_CONCURRENCY", System.getProperty("bench.concurrency", "4"));
        long launched = System.nanoTime();
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
        if (Boolean.getBoolean("bench.nmt")) jvm.add("-XX:NativeMemoryTracking=summary");   // where the resident memory goes
        if (!System.getProperty("bench.gc", "").isBlank()) jvm.add("-XX:+Use" + System.getProperty("bench.gc") + "GC");
        try (ServiceProcess service = ServiceProcess.start(env, port, "bench-footprint", jvm)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> service.send("GET", "/observe/health", null).statusCode() == 200);
            double startup = (System.nanoTime() - launched) / 1e9;
            long reconcileStart = System.nanoTime();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> reconciled(service) >= projects);
            double reconcileSeconds = (System.nanoTime() - reconcileStart) / 1e9;
            if (Boolean.getBoolean("bench.nmt")) jcmd(service, "VM.native_memory", "summary");
            for (String command : System.getProperty("bench.jcmd", "").split(";")) {   // e.g. GC.class_histogram; JFR.dump filename=f.jfr
                if (!command.isBlank()) jcmd(service, command.trim().split(" "));
            }
            long rssKb = Files.readAllLines(Path.of("/proc", String.valueOf(service.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
            BenchReport.section(5, String.join("\n",
                    "## 5. Footprint",
                    "",
                    BenchReport.row("JVM", "start to healthy", "full reconcile of the synthetic studio", "resident memory after it"),
                    BenchReport.row("---", "---", "---", "---"),
                    BenchReport.row("-Xmx256m", "%.1f s".formatted(startup), "%d projects, %d shots, %d jobs created, %.0f s".formatted(projects,
                            projects * shotsPerProject, projects * (shotsPerProject + 1), reconcileSeconds), "%d MiB".formatted(rssKb / 1024)),
                    "",
                    "Start to healthy: JVM launch until /observe/health answers 200. The reconcile time is dominated by the 20,100 creates sent one by one to the stub console (writes are serial per project by design)."));
        }
    }

    /**
     * 9. Start-up of the packaged jar, as a user or the image runs it (needs mvn package first: the
     * bench profile runs after it), without and with the class-data archive the Dockerfile makes.
     */
    @Test
    void start_of_the_jar() throws Exception {
        if (!Files.isRegularFile(ServiceProcess.JAR)) throw new IllegalStateException(ServiceProcess.JAR + " is missing: run the benchmarks with mvn -B -Pbench verify");
        new ShotGridSite(shotgrid).project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).install();
        new ResilioConsole(resilio).install();
        Path archive = Path.of("target", "bench", "srsync.jsa");
        Files.createDirectories(archive.getParent());
        Process training = new ProcessBuilder("sh", "scripts/class-archive.sh", ServiceProcess.JAR.toString(), archive.toString())
                .redirectErrorStream(true).redirectOutput(new java.io.File("target/bench-class-archive.log")).start();
        if (training.waitFor() != 0) throw new IllegalStateException("scripts/class-archive.sh failed: see target/bench-class-archive.log");
        int runs = 5;
        List<String> rows = new ArrayList<>();
        for (List<String> jvm : List.of(List.<String>of(), List.of("-XX:SharedArchiveFile=" + archive))) {
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                int port = ServiceTestSupport.freePort();
                long launched = System.nanoTime();
                try (ServiceProcess service = ServiceProcess.startJar(settings(Files.createTempDirectory("srsync-bench-")), port, "bench-start", jvm)) {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                            .until(() -> service.send("GET", "/observe/health", null).statusCode() == 200);
                    seconds.add((System.nanoTime() - launched) / 1e9);
                }
            }
            rows.add(BenchReport.row(jvm.isEmpty() ? "java -jar" : "java -XX:SharedArchiveFile=… -jar (the image's start)",
                    "%.2f s".formatted(BenchReport.percentile(seconds, 50)), "%.2f s".formatted(Collections.min(seconds)),
                    "%.2f s".formatted(Collections.max(seconds))));
        }
        BenchReport.section(9, String.join("\n",
                "## 9. Start-up of the jar",
                "",
                BenchReport.row("command", "start to healthy, median of " + runs, "fastest", "slowest"),
                BenchReport.row("---", "---", "---", "---"),
                String.join("\n", rows),
                "",
                "LEADER_ELECTION=none, default heap. Start to healthy: JVM launch until /observe/health answers 200. The archive is "
                        + "made by scripts/class-archive.sh (one sandbox run), as the Dockerfile does at build time."));
    }

    private static void jcmd(ServiceProcess service, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(service.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        System.out.println(new String(jcmd.getInputStream().readAllBytes()).lines().limit(45).collect(java.util.stream.Collectors.joining("\n")));
    }

    private static double reconciled(ServiceProcess service) throws Exception {
        double total = 0;
        for (String line : service.send("GET", "/observe/metrics", ADMIN).body().split("\n")) {
            if (line.startsWith("srsync_reconcile_total{")) total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return total;
    }
}
