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
        p.put("reconcile.retry.max", "3");
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
    void a_dead_lettered_write_is_tried_again_by_a_later_reconcile_and_then_left_for_the_safety_net() throws Exception {
        oneActiveShot();
        console.install();
        resilioServer.stubFor(post("/api/v2/jobs").withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_Assets")))
                .willReturn(aResponse().withStatus(400).withBody("{\"message\": \"same destination path\", \"data\": [{\"code\": 10004}]}")));

        reconcile(155L);

        // the first reconcile and three retries (0.3 s, 0.6 s, 1.2 s), then no more
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(4, resilioServer.findAll(
                postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_Assets")))).size()));
        Thread.sleep(3000);
        assertEquals(4, resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_Assets")))).size());
        var letter = new com.fasterxml.jackson.databind.ObjectMapper().readTree(admin("GET", "/admin/dead-letters", ADMIN_TOKEN).body()).get(0);
        assertEquals(4, letter.path("attempts").asInt());
    }
}
