package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.srsync.stubs.ResilioConsole;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The failure rules of the README that protect artists' files: no partial picture, the delete guard, idempotence. */
class SafetyRulesTest extends ServiceTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Twelve managed jobs on the console for project 155, as a reconcile with twelve artists' shots made them. */
    private void twelveManagedJobs() {
        for (int i = 1; i <= 11; i++) {
            console.job(1000 + i, OldToolScenariosTest.SHOT_0010_ALEX.replace("TST_010_0010", "TST_010_%04d".formatted(i * 10)));
        }
        console.job(1012, OldToolScenariosTest.ASSETS_ALEX).install();
    }

    @ParameterizedTest(name = "failing: {0}")
    @ValueSource(strings = {"projects page 1", "shots page 2", "tasks page 1", "tasks page 2"})
    void deletes_nothing_when_a_shotgrid_page_fails(String failing) {
        site.project(155, "TST");
        for (int s = 0; s < 600; s++) site.shot(10_000 + s, 155, "TST_010_%04d".formatted(s * 10), s < 300 ? "active" : "active", "TST_010");
        for (int t = 0; t < 600; t++) site.task(50_000 + t, 10_000 + t, user(7, "Alex Trial"));
        String[] what = failing.split(" page ");
        site.failPage(what[0], Integer.parseInt(what[1]), 503).install();
        twelveManagedJobs();

        reconcile(155L);

        assertEquals(List.of(), console.writes());
    }

    @Test
    void deletes_nothing_when_the_console_list_fails() {
        site.project(155, "TST").install();
        resilioServer.stubFor(get("/api/v2/jobs").willReturn(aResponse().withStatus(502)));

        reconcile(155L);

        assertEquals(List.of(), console.writes());
    }

    @Test
    void a_plan_deleting_12_of_12_managed_jobs_is_blocked_and_shown_in_the_plan() throws Exception {
        site.project(155, "TST").install();
        twelveManagedJobs();

        reconcile(155L);

        assertEquals(List.of(), console.writes());
        HttpResponse<String> answer = admin("GET", "/admin/plan?project=155", ADMIN_TOKEN);
        assertEquals(200, answer.statusCode());
        JsonNode project = MAPPER.readTree(answer.body()).path("projects").get(0);
        assertEquals(MAPPER.readTree("{\"blocked\": true, \"deletes\": 12, \"managed\": 12}"), project.path("guard"));
        assertEquals(12, project.path("delete").size());
        assertEquals("shot not active", project.path("delete").get(0).path("reason").asText());
    }

    @Test
    void running_the_reconcile_twice_makes_zero_writes_the_second_time() {
        site.project(155, "TST")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010").shot(1214, 155, "TST_010_0020", "active", null)
                .task(5001, 1213, user(7, "Alex Trial"), user(8, "Matthew Testuser")).task(5003, 1214, user(8, "Matthew Testuser"))
                .install();
        console.install();
        reconcile(155L);
        List<LoggedRequest> created = console.writes();
        assertEquals(3, created.size());

        resilioServer.resetAll();
        console = new ResilioConsole(resilioServer);
        long id = 3000;
        for (LoggedRequest post : created) console.job(id++, post.getBodyAsString());
        console.install();
        reconcile(155L);

        assertEquals(List.of(), console.writes());
    }

    @Test
    void unmanaged_jobs_and_other_projects_jobs_are_never_written() {
        site.project(155, "TST").project(156, "TST_B").install();
        console.job(7001, "{\"name\": \"Render_Farm_Sync\", \"type\": \"sync\", \"agents\": []}")
                .job(7002, OldToolScenariosTest.SHOT_0010_ALEX.replace("HybridWork_TST_", "HybridWork_TST_B_")).install();

        reconcile(155L);

        assertEquals(List.of(), console.writes());
    }

    @Test
    void a_project_without_tank_name_is_left_alone() throws Exception {
        site.project(155, null).install();
        twelveManagedJobs();

        reconcile(155L);

        assertEquals(List.of(), console.writes());
        JsonNode project = MAPPER.readTree(admin("GET", "/admin/plan?project=155", ADMIN_TOKEN).body()).path("projects").get(0);
        assertTrue(project.path("left_alone").asText().contains("no tank_name"), project.toString());
    }
}
