package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.srsync.bench.BenchReport;
import com.srsync.stubs.ResilioConsole;
import com.srsync.stubs.ShotGridSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10. A console that throttles every write: RECONCILE_CONCURRENCY=1, every create answered 429 with
 * Retry-After 60, a console list of 3,000 jobs (about 3 MB). Heap after a full GC while the deferred
 * projects wait, with 1 project and with 40, and the most reconciles seen under way at once.
 */
class ThrottleBench {
    @RegisterExtension
    static WireMockExtension shotgrid = ShotGridSite.server(wireMockConfig().dynamicPort().containerThreads(40));
    @RegisterExtension
    static WireMockExtension resilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().containerThreads(20)).build();

    static final String ADMIN = "admin-token-for-bench";
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private static void studio(int projects) {
        ShotGridSite site = new ShotGridSite(shotgrid);
        for (int p = 1; p <= projects; p++) {
            long project = 7000 + p, shot = 70_000 + p;
            site.project(project, "T%02d".formatted(p)).shot(shot, project, "T%02d_010_0010".formatted(p), "active", "T%02d_010".formatted(p))
                    .task(shot * 10, shot, user(7, "Alex Trial"));
        }
        site.install();
        ResilioConsole console = new ResilioConsole(resilio);
        String agents = ("{\"id\": 9, \"role\": \"enduser\", \"permission\": \"srw\", \"path\": {\"linux\": \"/mnt/%s\", \"win\": \"D:\\\\%s\", "
                + "\"osx\": \"/Volumes/%s\"}},").repeat(4);
        for (int j = 0; j < 3000; j++) {                                   // someone else's jobs: about 1 KB each
            String name = "Studio_Other_%05d".formatted(j);
            String a = agents.formatted(name, name, name, name, name, name, name, name, name, name, name, name);
            console.job(90_000 + j, "{\"name\": \"" + name + "\", \"type\": \"sync\", \"description\": \"not ours\", \"agents\": ["
                    + a.substring(0, a.length() - 1) + "]}");
        }
        console.install();
        resilio.stubFor(post("/api/v2/jobs").atPriority(1).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
    }

    private static double metric(ServiceProcess service, String name) throws Exception {
        double total = 0;
        for (String line : service.send("GET", "/observe/metrics", ADMIN).body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return total;
    }

    private static long heapAfterGcKiB(ServiceProcess service) throws Exception {
        jcmd(service, "GC.run");
        Matcher m = USED.matcher(jcmd(service, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String jcmd(ServiceProcess service, String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(service.pid()), command)
                .redirectErrorStream(true).start();
        return new String(p.getInputStream().readAllBytes());
    }

    @Test
    void heap_after_gc_with_throttled_projects() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int projects : new int[] {1, 40}) {
            shotgrid.resetAll();
            resilio.resetAll();
            studio(projects);
            Map<String, String> env = new HashMap<>(Map.of("SHOTGRID_URL", shotgrid.baseUrl(), "SHOTGRID_SCRIPT_NAME", "bench",
                    "SHOTGRID_API_KEY", "k", "SECRET_TOKEN", ProcessBench.SECRET, "RESILIO_URL", resilio.baseUrl(),
                    "RESILIO_TOKEN", ResilioConsole.TOKEN, "DATA_DIR", Files.createTempDirectory("srsync-bench-throttle-").toString(),
                    "SAFETY_NET_INITIAL_DELAY_MS", "3600000", "ADMIN_TOKEN", ADMIN, "RECONCILE_CONCURRENCY", "1"));
            try (ServiceProcess service = ServiceProcess.start(env, ServiceTestSupport.freePort(), "bench-throttle-" + projects, List.of("-Xmx256m"))) {
                AtomicInteger most = new AtomicInteger();
                Thread watcher = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            most.accumulateAndGet((int) metric(service, "srsync_reconcile_running"), Math::max);
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            // the next sample
                        }
                    }
                });
                watcher.setDaemon(true);
                watcher.start();
                long start = System.currentTimeMillis();
                service.send("POST", "/admin/sync", ADMIN);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> metric(service, "srsync_reconcile_total") >= projects);
                double took = (System.currentTimeMillis() - start) / 1000.0;
                Thread.sleep(2000);                                          // every project deferred, waiting on Retry-After 60
                long heap = heapAfterGcKiB(service);
                watcher.interrupt();
                rows.add(BenchReport.row(String.valueOf(projects), "%.1f MiB".formatted(heap / 1024.0), String.valueOf(most.get()),
                        "%.1f s".formatted(took)));
                service.stop();
            }
        }
        BenchReport.section(10, String.join("\n",
                "## 10. A console that throttles every write",
                "",
                BenchReport.row("projects throttled", "heap after a full GC", "most reconciles under way at once", "all reconciled once in"),
                BenchReport.row("---", "---", "---", "---"),
                String.join("\n", rows),
                "",
                "RECONCILE_CONCURRENCY=1, -Xmx256m. Every create is answered 429 with Retry-After 60; the console lists 3,000 jobs of "
                        + "someone else's (about 3 MB as JSON). A full pass (POST /admin/sync) reconciles each project once; each run "
                        + "defers its writes and ends, and the project waits to be planned again. Heap: jcmd GC.run, then GC.heap_info's "
                        + "used, 2 s after the last run ended. Reconciles under way: srsync_reconcile_running sampled every 20 ms."));
    }
}
