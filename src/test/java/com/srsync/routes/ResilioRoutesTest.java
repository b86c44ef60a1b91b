package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * routes/resilio.yaml: a write acts on the job it was planned for, read just before it; and a console
 * asking to wait (Retry-After) holds up no other project.
 */
class ResilioRoutesTest extends ServiceTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SHOT = OldToolScenariosTest.recorded(OldToolScenariosTest.SHOT_0010_ALEX);
    private static final String ASSETS = OldToolScenariosTest.recorded(OldToolScenariosTest.ASSETS_ALEX);

    @Override
    void moreProperties(Properties p) {
        p.put("reconcile.retry.delay.ms", "300");
    }

    private void alexAndMatthewOn0010() {
        site.project(155, "TST").project(156, "OTH").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial"), user(8, "Matthew Testuser")).install();
    }

    private static String job(long id, String json) {
        return OldToolScenariosTest.withId(json, id);
    }

    @Test
    void an_update_whose_job_was_renamed_since_the_plan_writes_nothing_and_the_project_is_planned_again() throws Exception {
        alexAndMatthewOn0010();
        console.job(1001, SHOT).job(1002, ASSETS).install();   // both need Matthew: two updates planned
        String renamed = job(1001, SHOT.replace("HybridWork_TST_TST_010_0010", "Someone's own job"));
        resilioServer.stubFor(get("/api/v2/jobs/1001").willReturn(okJson(renamed)));                       // renamed meanwhile
        resilioServer.stubFor(get("/api/v2/jobs").inScenario("rename").whenScenarioStateIs("Started")
                .willReturn(okJson("[" + job(1001, SHOT) + "," + job(1002, ASSETS) + "]")).willSetStateTo("listed"));
        resilioServer.stubFor(get("/api/v2/jobs").inScenario("rename").whenScenarioStateIs("listed")
                .willReturn(okJson("[" + renamed + "," + job(1002, ASSETS) + "]")));

        reconcile(155L);

        // planned again after the backoff, from what the console has now: the shot's job is made anew
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_TST_010_0010")))));
        resilioServer.verify(0, putRequestedFor(urlEqualTo("/api/v2/jobs/1001")));
        resilioServer.verify(0, deleteRequestedFor(urlEqualTo("/api/v2/jobs/1001")));
        resilioServer.verify(moreThanOrExactly(1), putRequestedFor(urlEqualTo("/api/v2/jobs/1002")));   // the other write went on
        assertEquals(0, MAPPER.readTree(admin("GET", "/admin/dead-letters", ADMIN_TOKEN).body()).size());
    }

    @Test
    void a_delete_whose_job_is_already_gone_counts_as_done_and_calls_no_delete() throws Exception {
        site.project(155, "TST").install();
        console.job(1005, SHOT).install();
        resilioServer.stubFor(get("/api/v2/jobs/1005").willReturn(notFound()));

        reconcile(155L);

        resilioServer.verify(1, getRequestedFor(urlEqualTo("/api/v2/jobs/1005")));
        resilioServer.verify(0, deleteRequestedFor(anyUrl()));
        assertEquals(0, MAPPER.readTree(admin("GET", "/admin/dead-letters", ADMIN_TOKEN).body()).size());
    }

    @Test
    void a_delete_whose_job_is_now_another_projects_is_skipped() {
        site.project(155, "TST").project(156, "OTH").install();
        console.job(1005, SHOT).install();
        resilioServer.stubFor(get("/api/v2/jobs/1005").willReturn(okJson(job(1005, OldToolScenariosTest.recordedFor(
                OldToolScenariosTest.SHOT_0010_ALEX, 156)))));

        reconcile(155L);

        resilioServer.verify(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void a_console_asking_one_project_to_wait_holds_up_no_other_project_and_the_project_is_planned_again_when_due() {
        site.project(155, "TST").project(156, "OTH")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial"))
                .shot(2001, 156, "OTH_010_0010", "active", "OTH_010").task(6001, 2001, user(8, "Matthew Testuser")).install();
        console.install();
        resilioServer.stubFor(post("/api/v2/jobs").withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_TST_010_0010")))
                .inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "4")).willSetStateTo("free"));

        long before = runs().ended();
        template.sendBody("seda:reconcile-requests", 155L);
        await().atMost(Duration.ofSeconds(3)).until(() -> !resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs"))).isEmpty());
        long asked = System.currentTimeMillis();
        template.sendBody("seda:reconcile-requests", 156L);     // one reconcile consumer: it must not be held by 155's wait

        await().atMost(Duration.ofSeconds(3)).until(() -> runs().ended() >= before + 1);
        assertTrue(System.currentTimeMillis() - asked < 3000, "project 156 waited for project 155's Retry-After");
        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_OTH_OTH_010_0010"))));
        await().atMost(Duration.ofSeconds(3)).until(() -> runs().ended() >= before + 2);   // 155 ended, its create deferred
        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_TST_010_0010"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> runs().ended() >= before + 3);   // 155 planned again after its wait
        assertTrue(System.currentTimeMillis() - asked >= 3000, "planned again before the console's Retry-After");
        resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_TST_010_0010"))));
    }

    @Test
    void the_method_header_is_converted_without_searching_every_converter() {
        // without it Camel's enum fallback searched its whole registry on each call (a quarter of the CPU of a reconcile)
        assertTrue(context.getTypeConverterRegistry().lookup(org.apache.camel.component.http.HttpMethods.class, String.class)
                instanceof com.srsync.http.HttpMethodConverter);
    }
}
