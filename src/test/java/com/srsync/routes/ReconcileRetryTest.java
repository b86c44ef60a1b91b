package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.srsync.support.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A reconcile that failed is tried again by itself after a backoff, with no new trigger. */
class ReconcileRetryTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.put("reconcile.retry.delay.ms", "300");
        p.put("reconcile.retry.max.delay.ms", "600");
        p.put("reconcile.failing.after.ms", "2500");
        p.put("sync.debounce.ms", "100");
        p.put("sync.max.delay.ms", "200");
    }

    private void oneActiveShot() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
    }

    @Test
    void a_reconcile_stopped_by_a_shotgrid_outage_runs_again_after_a_backoff() {
        oneActiveShot();
        console.install();
        shotgridServer.stubFor(post("/api/v1/entity/shots/_search").inScenario("outage").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("back"));

        reconcile(155L);
        resilioServer.verify(0, postRequestedFor(urlEqualTo("/api/v2/jobs")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs"))));
    }

    @Test
    void a_failed_all_projects_reconcile_is_retried_as_all_with_no_project_named_null() {
        oneActiveShot();
        console.install();
        shotgridServer.stubFor(post("/api/v1/entity/projects/_search").inScenario("outage").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("back"));

        try (LogCapture log = LogCapture.open()) {
            long before = runs().ended();
            template.sendBody("seda:reconcile-requests", "all");              // what the safety net sends
            awaitReconciles(before + 1);
            resilioServer.verify(0, postRequestedFor(urlEqualTo("/api/v2/jobs")));

            // the project list can be read again: "all" is tried again after the backoff and converges
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs"))));
            assertEquals(1, log.containing("Reconcile of all projects stopped before any write").size(), log.lines().toString());
            assertEquals(List.of(), log.containing("null"));
        }
    }

    @Test
    void deliveries_during_an_outage_do_not_lengthen_the_back_off_and_the_project_is_tried_again_until_it_succeeds() throws Exception {
        oneActiveShot();
        console.install();
        var outage = shotgridServer.stubFor(post("/api/v1/entity/shots/_search").atPriority(1).willReturn(aResponse().withStatus(503)));
        for (long event = 1; event <= 5; event++) {                   // five deliveries during a five-second outage: five failed runs
            assertEquals(200, WebhookSupport.deliver(httpPort, WebhookSupport.assignmentChange(155, 700_000 + event)).statusCode());
            Thread.sleep(1000);
        }
        shotgridServer.removeStub(outage);
        long over = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs"))));
        double seconds = (System.nanoTime() - over) / 1e9;
        assertEquals(true, seconds < 2, "tried again within its back-off (at most 0.6 s here) after the outage: " + seconds + " s");
    }

    @Test
    void a_project_that_keeps_failing_is_said_in_health_and_tried_until_it_succeeds() throws Exception {
        oneActiveShot();
        console.install();
        var refusing = resilioServer.stubFor(post("/api/v2/jobs").withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_Assets")))
                .willReturn(aResponse().withStatus(400).withBody("{\"message\": \"same destination path\", \"data\": [{\"code\": 10004}]}")));

        reconcile(155L);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String health = admin("GET", "/observe/health", ADMIN_TOKEN).body();
            org.junit.jupiter.api.Assertions.assertTrue(health.contains("{\"name\":\"reconcile-failures\",\"status\":\"DOWN\",\"message\":"
                    + "\"project 155 has failed every reconcile since "), health);
        });
        java.util.function.IntSupplier tries = () -> resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_Assets")))).size();
        int reported = tries.getAsInt();
        await().atMost(Duration.ofSeconds(5)).until(() -> tries.getAsInt() >= reported + 2);   // still tried after it was reported: never given up
        String overview = admin("GET", "/admin/overview", ADMIN_TOKEN).body();
        org.junit.jupiter.api.Assertions.assertTrue(overview.contains("\"failing\":{\"since\":"), overview);

        resilioServer.removeStub(refusing);                           // the console takes it now
        await().atMost(Duration.ofSeconds(5)).until(() -> admin("GET", "/observe/health", ADMIN_TOKEN).body()
                .contains("{\"name\":\"reconcile-failures\",\"status\":\"UP\"}"));
        assertEquals("[]", admin("GET", "/admin/dead-letters", ADMIN_TOKEN).body());
    }
}
