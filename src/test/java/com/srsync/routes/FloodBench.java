package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.srsync.bench.BenchReport;
import com.srsync.bench.LoadGenerator;
import com.srsync.stubs.ResilioConsole;
import com.srsync.stubs.ShotGridSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 6. A flood while the console hangs: signed deliveries as fast as the service answers them for
 * bench.flood.seconds (60) with -Xmx256m, while every Resilio call hangs; then the console recovers.
 * Reports peak resident memory, the share of 200 and 503 answers, and how long until every project
 * that had a delivery accepted was reconciled against the recovered console.
 */
class FloodBench {
    @RegisterExtension
    static WireMockExtension shotgrid = ShotGridSite.server(wireMockConfig().dynamicPort().containerThreads(20));
    @RegisterExtension
    static WireMockExtension resilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().containerThreads(40)).build();

    static final int SECONDS = Integer.getInteger("bench.flood.seconds", 60);
    static final int PROJECTS = 20;

    @Test
    void flood_while_the_console_hangs() throws Exception {
        ShotGridSite site = new ShotGridSite(shotgrid);
        for (int p = 0; p < PROJECTS; p++) {
            long project = 2000 + p, shot = 20_000 + p;
            site.project(project, "F%02d".formatted(p)).shot(shot, project, "F%02d_010_0010".formatted(p), "active", "F%02d_010".formatted(p))
                    .task(shot * 10, shot, user(7, "Alex Trial"));
        }
        site.install();
        resilio.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(600_000)));   // every call hangs
        int port = ServiceTestSupport.freePort();
        Map<String, String> env = Map.of("SHOTGRID_URL", shotgrid.baseUrl(), "SHOTGRID_SCRIPT_NAME", "bench", "SHOTGRID_API_KEY", "k",
                "SECRET_TOKEN", ProcessBench.SECRET, "RESILIO_URL", resilio.baseUrl(), "RESILIO_TOKEN", ResilioConsole.TOKEN,
                "DATA_DIR", Files.createTempDirectory("srsync-flood-").toString(), "SAFETY_NET_INITIAL_DELAY_MS", "3600000",
                "SYNC_DEBOUNCE_MS", "500", "RECONCILE_RETRY_DELAY_MS", "2000");
        try (ServiceProcess service = ServiceProcess.start(env, port, "bench-flood", List.of("-Xmx256m"))) {
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            Set<Integer> acceptedProjects = new ConcurrentSkipListSet<>();
            LoadGenerator load = new LoadGenerator("127.0.0.1", port, id -> {
                byte[] body = WebhookSupport.assignmentChange(2000 + id % PROJECTS, id);
                return LoadGenerator.post("127.0.0.1", port, "/webhooks/shotgrid", body, "x-sg-signature", WebhookSupport.sign(body, ProcessBench.SECRET));
            }).onAnswer((id, status) -> {
                statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                if (status == 200) acceptedProjects.add((int) (id % PROJECTS));
            });
            Path status = Path.of("/proc", String.valueOf(service.pid()), "status");
            AtomicLong peakSampled = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakSampled.accumulateAndGet(kb(status, "VmRSS:"), Math::max);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            LoadGenerator.Result flood = load.flatOut(64, SECONDS);
            sampler.interrupt();
            long peak = Math.max(peakSampled.get(), kb(status, "VmHWM:"));

            Date recovered = new Date();
            resilio.resetAll();
            new ResilioConsole(resilio).install();                 // the console answers again
            long t0 = System.nanoTime();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> converged(acceptedProjects, recovered).isEmpty());
            double convergeSeconds = (System.nanoTime() - t0) / 1e9;
            boolean alive = service.send("GET", "/observe/health/live", null).statusCode() == 200;

            long total = statuses.values().stream().mapToLong(AtomicLong::get).sum();
            BenchReport.section(6, String.join("\n",
                    "## 6. Flood while the console hangs",
                    "",
                    BenchReport.row("JVM", "deliveries in %d s".formatted(SECONDS), "answered 200", "answered 503", "other / no answer",
                            "peak resident memory", "projects with accepted events reconciled after the console recovered"),
                    BenchReport.row("---", "---", "---", "---", "---", "---", "---"),
                    BenchReport.row("-Xmx256m", "%,d (%.0f/s)".formatted(total, total / flood.seconds()), share(statuses, 200, total),
                            share(statuses, 503, total), "%d".formatted(total - count(statuses, 200) - count(statuses, 503)),
                            "%d MiB".formatted(peak / 1024), "%d of %d, within %.0f s%s".formatted(acceptedProjects.size(), acceptedProjects.size(),
                                    convergeSeconds, alive ? "" : " (service not alive!)")),
                    "",
                    "64 connections send signed task-assignee deliveries (each a new event, spread over %d projects) as fast as they are answered. "
                            .formatted(PROJECTS)
                            + "Every Resilio call hangs (the stub answers after 10 minutes; the service's own deadline is 60 s) for the whole flood; "
                            + "then the console answers again and the bench waits until each project with an accepted delivery has had its jobs created "
                            + "against it. A valid delivery is never refused: past the event queue's room it is reduced to the projects it names "
                            + "(srsync_events_dropped_total counts its events); a 503 here would be a fault. Peak memory is VmHWM of the service's process."));
            service.stop();
        }
    }

    /** The accepted projects not yet reconciled against the recovered console (no create of their shot job since). */
    private static Set<Integer> converged(Set<Integer> projects, Date since) {
        Set<Integer> waiting = new TreeSet<>(projects);
        for (LoggedRequest r : resilio.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(containing("HybridWork_F")))) {
            if (r.getLoggedDate().before(since)) continue;
            String body = r.getBodyAsString();
            int at = body.indexOf("HybridWork_F");
            waiting.remove(Integer.parseInt(body.substring(at + 12, at + 14)));
        }
        return waiting;
    }

    private static long count(Map<Integer, AtomicLong> statuses, int status) {
        AtomicLong n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    private static String share(Map<Integer, AtomicLong> statuses, int status, long total) {
        long n = count(statuses, status);
        return "%,d (%.1f %%)".formatted(n, total == 0 ? 0 : 100.0 * n / total);
    }

    private static long kb(Path status, String key) {
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith(key))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        } catch (Exception e) {
            return 0;
        }
    }
}
