package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminEndpointsTest extends ServiceTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private void studio() {
        site.project(155, "TST").project(156, "OTH").project(157, "IDLE")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial"), user(99, "Sam Unlisted")).install();
        console.job(1005, OldToolScenariosTest.SHOT_0010_ALEX.replace("TST_010_0010", "TST_010_0020"))
                .job(1101, OldToolScenariosTest.ASSETS_ALEX.replace("HybridWork_TST_", "HybridWork_OTH_")).install();
    }

    @Test
    void the_plan_shows_creates_deletes_skipped_artists_and_the_guard_and_writes_nothing() throws Exception {
        studio();

        HttpResponse<String> answer = admin("GET", "/admin/plan?project=155", ADMIN_TOKEN);

        assertEquals(200, answer.statusCode());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
        JsonNode plan = MAPPER.readTree(answer.body());
        assertFalse(plan.path("dry_run").asBoolean());
        JsonNode p = plan.path("projects").get(0);
        assertEquals(155, p.path("id").asLong());
        assertEquals("TST", p.path("tank_name").asText());
        assertEquals(List.of("HybridWork_TST_TST_010_0010", "HybridWork_TST_Assets"), names(p.path("create")));
        assertEquals("shot", p.path("create").get(0).path("kind").asText());
        assertEquals(List.of(4L, 2L), p.path("create").get(0).path("agents").findValues("id").stream().map(JsonNode::asLong).toList());
        assertEquals(MAPPER.readTree("[{\"id\": 1005, \"name\": \"HybridWork_TST_TST_010_0020\", \"reason\": \"shot not active\"}]"), p.path("delete"));
        assertEquals(MAPPER.readTree("[{\"name\": \"Sam Unlisted\", \"reason\": \"not in artists.yaml\"}]"), p.path("skipped_artists"));
        assertEquals(MAPPER.readTree("{\"blocked\": false, \"deletes\": 1, \"managed\": 1}"), p.path("guard"));
        assertEquals(List.of(), console.writes());
    }

    @Test
    void the_plan_of_all_projects_covers_those_with_active_shots_and_those_owning_managed_jobs() throws Exception {
        studio();

        JsonNode plan = MAPPER.readTree(admin("GET", "/admin/plan", ADMIN_TOKEN).body());

        List<Long> ids = new java.util.ArrayList<>();
        plan.path("projects").forEach(p -> ids.add(p.path("id").asLong()));
        assertEquals(List.of(155L, 156L), ids);
        JsonNode oth = plan.path("projects").get(1);
        assertEquals(List.of("HybridWork_OTH_Assets"), names(oth.path("delete")));
    }

    @Test
    void jobs_of_a_project_without_tank_name_or_deleted_are_listed_once_as_orphaned_and_never_written() throws Exception {
        site.project(155, "TST").project(156, null).shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).install();
        console.job(2001, OldToolScenariosTest.recordedFor(OldToolScenariosTest.SHOT_0010_ALEX.replace("HybridWork_TST_", "HybridWork_TST_B_"), 156))
                .job(2002, OldToolScenariosTest.recordedFor(OldToolScenariosTest.ASSETS_ALEX.replace("HybridWork_TST_", "HybridWork_TST_B_"), 156))
                .job(3001, OldToolScenariosTest.recordedFor(OldToolScenariosTest.ASSETS_ALEX.replace("HybridWork_TST_", "HybridWork_GONE_"), 158)).install();

        JsonNode plan = MAPPER.readTree(admin("GET", "/admin/plan", ADMIN_TOKEN).body());

        assertEquals(MAPPER.readTree("""
            [{"project": 156, "jobs": ["HybridWork_TST_B_Assets", "HybridWork_TST_B_TST_010_0010"],
              "why": "project has no tank_name; its jobs are left alone"},
             {"project": 158, "jobs": ["HybridWork_GONE_Assets"], "why": "project 158 is not in ShotGrid (deleted, or in the trash)"}]"""),
                plan.path("orphaned"));
        JsonNode tst = plan.path("projects").get(0);
        assertEquals(List.of("HybridWork_TST_TST_010_0010", "HybridWork_TST_Assets"), names(tst.path("create")));
        assertEquals(0, tst.path("delete").size());
        assertEquals(1, plan.path("projects").size());

        long before = runs().ended();
        assertEquals(202, admin("POST", "/admin/sync", ADMIN_TOKEN).statusCode());
        awaitReconciles(before + 1);
        resilioServer.verify(0, putRequestedFor(urlMatching("/api/v2/jobs/[23]00[12]")));
        resilioServer.verify(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void a_shot_with_an_unsafe_name_is_listed_with_its_reason_and_gets_no_job() throws Exception {
        site.project(155, "TST").shot(1213, 155, "../../../../../../etc", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();

        JsonNode p = MAPPER.readTree(admin("GET", "/admin/plan?project=155", ADMIN_TOKEN).body()).path("projects").get(0);

        assertEquals(MAPPER.readTree("""
            [{"id": 1213, "code": "../../../../../../etc", "reason": "shot code '../../../../../../etc' contains '/', a path separator"}]"""),
                p.path("skipped_shots"));
        assertEquals(0, p.path("create").size());
        reconcile(155L);
        assertEquals(List.of(), console.writes());
    }

    @Test
    void the_plan_updates_show_what_differs() throws Exception {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial"), user(8, "Matthew Testuser")).install();
        console.job(1001, OldToolScenariosTest.SHOT_0010_ALEX).job(1002, OldToolScenariosTest.ASSETS_ALEX).install();

        JsonNode p = MAPPER.readTree(admin("GET", "/admin/plan?project=155", ADMIN_TOKEN).body()).path("projects").get(0);

        assertEquals(1001, p.path("update").get(0).path("id").asLong());
        assertEquals(MAPPER.readTree("[\"agents\", \"description\"]"), p.path("update").get(0).path("changes"));
    }

    @Test
    void admin_requests_without_the_right_bearer_token_get_401_and_nothing_echoed() throws Exception {
        studio();

        for (String token : new String[] {null, "wrong", ADMIN_TOKEN + "x"}) {
            HttpResponse<String> plan = admin("GET", "/admin/plan?project=155", token);
            assertEquals(401, plan.statusCode());
            assertTrue(plan.headers().firstValue("Authorization").isEmpty());
            assertFalse(plan.body().contains(ADMIN_TOKEN));
            assertEquals(401, admin("POST", "/admin/sync?project=155", token).statusCode());
        }
        shotgridServer.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void a_bad_or_unknown_project_gets_400_or_404() throws Exception {
        studio();

        HttpResponse<String> bad = admin("GET", "/admin/plan?project=abc", ADMIN_TOKEN);
        assertEquals(400, bad.statusCode());
        assertEquals("{\"error\":\"project must be a ShotGrid project id (a whole number above 0)\"}", bad.body());
        assertEquals(400, admin("POST", "/admin/sync?project=-3", ADMIN_TOKEN).statusCode());
        assertEquals(404, admin("GET", "/admin/plan?project=404", ADMIN_TOKEN).statusCode());
    }

    @Test
    void the_plan_answers_503_when_shotgrid_cannot_be_read() throws Exception {
        console.install();                         // only ShotGrid fails (the console is read in parallel)
        shotgridServer.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));

        HttpResponse<String> answer = admin("GET", "/admin/plan?project=155", ADMIN_TOKEN);

        assertEquals(503, answer.statusCode());
        assertEquals("{\"error\":\"ShotGrid /auth/access_token answered 503\"}", answer.body());
        assertFalse(answer.body().contains("sg-api-key-secret"));
    }

    @Test
    void sync_queues_a_reconcile_and_answers_202_at_once() throws Exception {
        studio();

        HttpResponse<String> answer = admin("POST", "/admin/sync?project=155", ADMIN_TOKEN);

        assertEquals(202, answer.statusCode());
        assertEquals("{\"queued\":\"155\"}", answer.body());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs")));
            resilioServer.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/jobs/1005")));
        });
    }

    @Test
    void sync_of_all_projects_reconciles_each_of_them() throws Exception {
        studio();

        HttpResponse<String> answer = admin("POST", "/admin/sync", ADMIN_TOKEN);

        assertEquals(202, answer.statusCode());
        assertEquals("{\"queued\":\"all\"}", answer.body());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            resilioServer.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/jobs/1101")));
            resilioServer.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/jobs/1005")));
            resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs")));
        });
    }

    @Test
    void jobs_show_a_projects_managed_jobs_with_their_agents_named_as_artists_yaml_names_them() throws Exception {
        studio();
        JsonNode jobs = MAPPER.readTree(admin("GET", "/admin/jobs?project=155", ADMIN_TOKEN).body());
        assertEquals(1, jobs.size(), jobs.toString());                       // OTH's assets job is project 156's
        JsonNode job = jobs.get(0);
        assertEquals(1005, job.path("id").asInt());
        assertEquals("shot", job.path("kind").asText());
        assertEquals("TST_010_0020", job.path("shot").asText());
        assertEquals("primary storage (Linux_Remote)", job.path("agents").get(0).path("who").asText());
        assertEquals("Alex Trial", job.path("agents").get(1).path("who").asText());
        assertEquals("enduser", job.path("agents").get(1).path("role").asText());
        assertEquals(400, admin("GET", "/admin/jobs", ADMIN_TOKEN).statusCode());
        assertEquals(404, admin("GET", "/admin/jobs?project=999", ADMIN_TOKEN).statusCode());
        resilioServer.verify(0, postRequestedFor(anyUrl()).withUrl("/api/v2/jobs"));
    }

    @Test
    void shots_give_codes_by_id_for_the_status_page() throws Exception {
        studio();
        assertEquals(MAPPER.readTree("{\"1213\": \"TST_010_0010\"}"), MAPPER.readTree(admin("GET", "/admin/shots?ids=1213", ADMIN_TOKEN).body()));
        assertEquals(400, admin("GET", "/admin/shots?ids=12x", ADMIN_TOKEN).statusCode());
        assertEquals(401, admin("GET", "/admin/shots?ids=1213", null).statusCode());
    }

    @Test
    void runs_list_the_last_reconciles_newest_first_with_their_outcome() throws Exception {
        studio();
        reconcile(155L);
        shotgridServer.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
        reconcile(156L);

        JsonNode runs = MAPPER.readTree(admin("GET", "/admin/runs", ADMIN_TOKEN).body());
        assertEquals(2, runs.size());
        assertEquals("156", runs.get(0).path("project").asText());
        assertEquals("stopped", runs.get(0).path("outcome").asText());
        assertTrue(runs.get(0).path("error").asText().contains("answered 503"), runs.toString());
        assertEquals("155", runs.get(1).path("project").asText());
        assertEquals("TST", runs.get(1).path("tankName").asText());
        assertEquals("written", runs.get(1).path("outcome").asText());
        assertTrue(runs.get(1).path("creates").asInt() >= 1, runs.toString());
        assertEquals(1, runs.get(1).path("deletes").asInt());
        assertEquals(1, MAPPER.readTree(admin("GET", "/admin/runs?project=155", ADMIN_TOKEN).body()).size());
        assertEquals(401, admin("GET", "/admin/runs", null).statusCode());
    }

    @Test
    void plan_takes_get_or_a_candidate_by_post_and_sync_only_post() throws Exception {
        assertEquals(405, admin("PUT", "/admin/plan", ADMIN_TOKEN).statusCode());
        var emptyCandidate = admin("POST", "/admin/plan", ADMIN_TOKEN);
        assertEquals(400, emptyCandidate.statusCode());
        assertEquals("{\"error\":\"the request body must be an artists.yaml to preview\"}", emptyCandidate.body());
        assertEquals(405, admin("GET", "/admin/sync", ADMIN_TOKEN).statusCode());
    }

    private static List<String> names(JsonNode ops) {
        return ops.findValues("name").stream().map(JsonNode::asText).toList();
    }
}
