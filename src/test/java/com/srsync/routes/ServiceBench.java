package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.routes.WebhookSupport.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.srsync.bench.BenchReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * 3. API economy and 4. reaction time, against recording WireMock stubs, with the service running
 * in this JVM and the default debounce (SYNC_DEBOUNCE_MS 2000).
 */
class ServiceBench extends ServiceTestSupport {
    static final int SHOTS = 500, DELIVERIES = 100;

    @Override
    void moreProperties(Properties p) {
        p.put("sync.debounce.ms", "2000");
        p.put("sync.max.delay.ms", "15000");
    }

    @Test
    void api_economy() throws Exception {
        site.project(155, "TST");
        for (int s = 0; s < SHOTS; s++) {
            site.shot(10_000 + s, 155, "TST_%03d_%04d".formatted(s / 50, s % 50 * 10), "active", "TST_%03d".formatted(s / 50));
            site.task(50_000 + s, 10_000 + s, user(7 + s % 2, s % 2 == 0 ? "Alex Trial" : "Matthew Testuser"));
        }
        site.install();
        console.install();
        shotgridServer.resetRequests();
        resilioServer.resetRequests();

        long before = runs().ended();
        for (int i = 0; i < DELIVERIES; i++) deliver(httpPort, assignmentChange(155, 3_000_000 + i));
        awaitReconciles(before + 1);
        Thread.sleep(3000);   // anything else the burst caused has run by now
        int ours = shotgridServer.getAllServeEvents().size();
        int oursResilio = resilioServer.getAllServeEvents().size();
        long reconciles = runs().ended() - before;

        // the old design, modelled on the same data: every delivery ran a full studio sync, which read
        // the active shots (one query per 500), then one Project and one Task query per active shot,
        // and listed the console's jobs once
        int oldPerSync = (int) Math.ceil(SHOTS / 500.0) + 2 * SHOTS;
        int oldShotGrid = DELIVERIES * (oldPerSync + 1);   // + its login per request
        int oldResilioReads = DELIVERIES;
        BenchReport.section(3, String.join("\n",
                "## 3. API economy: one project, " + SHOTS + " active shots, a burst of " + DELIVERIES + " deliveries",
                "",
                BenchReport.row("design", "reconciles", "ShotGrid requests", "Resilio requests"),
                BenchReport.row("---", "---", "---", "---"),
                BenchReport.row("this service", reconciles, ours, oursResilio + " (writes included)"),
                BenchReport.row("old design (model)", DELIVERIES, oldShotGrid, oldResilioReads + " reads + its writes"),
                "",
                "ShotGrid requests: **%.0f times fewer** (target: at least 1,000 times). The service's count is recorded by the stub; the old design's is its algorithm counted on the same data: per delivery, 1 login, %d page(s) of active shots, and a Project and a Task query per active shot."
                        .formatted((double) oldShotGrid / ours, (int) Math.ceil(SHOTS / 500.0))));
    }

    @Test
    void reaction_time() throws Exception {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            resilioServer.resetRequests();
            long sent = System.currentTimeMillis();
            deliver(httpPort, assignmentChange(155, 4_000_000 + i));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                    .until(() -> !resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs"))).isEmpty());
            LoggedRequest write = resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs"))).get(0);
            millis.add((double) (write.getLoggedDate().getTime() - sent));
            Thread.sleep(300);
        }
        BenchReport.section(4, String.join("\n",
                "## 4. Reaction time: a delivery's arrival to the first Resilio write (default debounce 2 s)",
                "",
                BenchReport.row("samples", "median ms", "p99 ms", "min ms", "max ms"),
                BenchReport.row("---", "---", "---", "---", "---"),
                BenchReport.row(millis.size(), BenchReport.ms(BenchReport.percentile(millis, 50)), BenchReport.ms(BenchReport.percentile(millis, 99)),
                        BenchReport.ms(BenchReport.percentile(millis, 0)), BenchReport.ms(BenchReport.percentile(millis, 100))),
                "",
                "Nearly all of it is the debounce (SYNC_DEBOUNCE_MS, 2000 ms by default): the quiet period that turns a burst into one reconcile. The rest is the reconcile's reads and plan."));
    }
}
