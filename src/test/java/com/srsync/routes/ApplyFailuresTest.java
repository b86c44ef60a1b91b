package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a write that fails does to the rest of its reconcile, and that one project is never reconciled twice at once. */
class ApplyFailuresTest extends ServiceTestSupport {

    private void oneActiveShot() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
    }

    @Test
    void a_write_the_console_refuses_is_not_retried_and_the_other_writes_go_on() {
        oneActiveShot();
        resilioServer.stubFor(post("/api/v2/jobs").withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_TST_010_0010")))
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"message\": \"Job validation failed\", \"data\": [{\"code\": 10004, \"message\": \"same destination path\"}]}")));

        reconcile(155L);

        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_TST_010_0010"))));
        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_Assets"))));
    }

    @Test
    void a_write_that_meets_a_503_is_retried_until_it_succeeds() {
        oneActiveShot();
        resilioServer.stubFor(post("/api/v2/jobs").withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_Assets")))
                .inScenario("restart").whenScenarioStateIs("Started").willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        resilioServer.stubFor(post("/api/v2/jobs").withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_Assets")))
                .inScenario("restart").whenScenarioStateIs("up").willReturn(okJson("{\"id\": 2001}")));

        reconcile(155L);

        resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_Assets"))));
        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_TST_010_0010"))));
    }

    @Test
    void two_reconciles_of_one_project_never_overlap() {
        oneActiveShot();
        shotgridServer.stubFor(post("/api/v1/entity/shots/_search").willReturn(okJson("{\"data\": []}").withFixedDelay(400)));

        template.sendBody("seda:reconcile-requests", 155L);
        reconcile(155L);
        reconcile(155L);

        List<ServeEvent> shotReads = shotgridServer.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/shots/_search"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        assertTrue(shotReads.size() >= 2, "reads: " + shotReads.size());
        for (int i = 1; i < shotReads.size(); i++) {
            long gap = shotReads.get(i).getRequest().getLoggedDate().getTime() - shotReads.get(i - 1).getRequest().getLoggedDate().getTime();
            assertTrue(gap >= 400, "a reconcile started " + gap + " ms after the previous one, before it could finish");
        }
    }
}
