package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /admin/overview}, what the status page loads: every project's last reconcile, its shots with
 * who has them or why they have no job, its runs and its dead letters - all from memory.
 */
class OverviewTest extends ServiceTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private void studio() {
        site.project(155, "TST").project(156, "OTH")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial"))
                .shot(1216, 155, "TST_010_0040", "active", "TST_010").task(5005, 1216, user(9, "Sam Unlisted"))
                .shot(1217, 155, "TST_010_0050", "active", "TST_010")
                .shot(1301, 156, "OTH_010_0010", "active", "OTH_010").task(6001, 1301, user(8, "Matthew Testuser")).install();
        console.install();
    }

    @Test
    void a_page_load_and_its_refreshes_cost_shotgrid_and_the_console_nothing() throws Exception {
        studio();
        reconcile("all");
        awaitReconciles(2);                                  // both projects
        int shotgrid = shotgridServer.getAllServeEvents().size();
        int resilio = resilioServer.getAllServeEvents().size();

        for (int load = 0; load < 20; load++) {
            assertEquals(200, admin("GET", "/admin/overview", ADMIN_TOKEN).statusCode());
            assertEquals(200, admin("GET", "/admin/overview?project=155", ADMIN_TOKEN).statusCode());
        }

        assertEquals(shotgrid, shotgridServer.getAllServeEvents().size(), "no ShotGrid request");
        assertEquals(resilio, resilioServer.getAllServeEvents().size(), "no console request");
    }

    @Test
    void every_active_shot_is_answered_with_its_job_or_why_it_has_none() throws Exception {
        studio();
        reconcile(155L);

        JsonNode overview = MAPPER.readTree(admin("GET", "/admin/overview?project=155", ADMIN_TOKEN).body());
        assertEquals("[\"active\"]", overview.path("active_statuses").toString());
        assertEquals(-1, overview.path("webhook").path("seconds_since_last_delivery").asLong(), "no delivery since start");
        assertEquals(0, overview.path("webhook").path("problems").size());
        JsonNode p = overview.path("projects").get(0);
        assertEquals(155, p.path("id").asLong());
        assertTrue(p.path("reconciled_at").asText().endsWith("Z"));
        JsonNode shots = p.path("shots");
        assertEquals(3, shots.size());
        assertEquals("HybridWork_TST_TST_010_0010", find(shots, "TST_010_0010").path("job").asText());
        assertEquals("[\"Alex Trial\"]", find(shots, "TST_010_0010").path("artists").toString());
        assertEquals("no one assigned to it is listed in artists.yaml", find(shots, "TST_010_0040").path("why").asText());
        assertEquals("[\"Sam Unlisted\"]", find(shots, "TST_010_0040").path("not_in_artists_yaml").toString());
        assertEquals("no one is assigned to its tasks", find(shots, "TST_010_0050").path("why").asText());
        assertEquals("[\"Alex Trial\"]", p.path("create").get(0).path("artists").toString(), "planned jobs name their artists");
        assertEquals("written", p.path("runs").get(0).path("outcome").asText());
        assertEquals(0, p.path("dead_letters").size());
    }

    @Test
    void a_shot_that_is_not_active_is_looked_up_in_one_shotgrid_search() throws Exception {
        studio();
        shotgridServer.stubFor(post(urlPathEqualTo("/api/v1/entity/shots/_search")).withRequestBody(containing("TST_010_0020"))
                .atPriority(1).willReturn(okJson("""
                    {"data": [{"type": "Shot", "id": 1214, "attributes": {"code": "TST_010_0020", "sg_status_list": "hld"},
                      "relationships": {"project": {"data": {"type": "Project", "id": 155, "name": "Test Project"}}}}],
                     "links": {"self": "/api/v1/entity/shots/_search"}}""")));
        int before = shotgridServer.getAllServeEvents().size();

        JsonNode found = MAPPER.readTree(admin("GET", "/admin/shot-lookup?code=TST_010_0020", ADMIN_TOKEN).body());

        assertEquals(MAPPER.readTree("[{\"id\": 1214, \"code\": \"TST_010_0020\", \"status\": \"hld\", \"project\": {\"id\": 155, \"name\": \"Test Project\"}}]"), found);
        long searches = shotgridServer.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains("_search")).count();
        assertEquals(1, searches, "one search, asked for");   // and a login first
        assertEquals(before + 2, shotgridServer.getAllServeEvents().size());
        assertEquals(400, admin("GET", "/admin/shot-lookup", ADMIN_TOKEN).statusCode());
        assertEquals(401, admin("GET", "/admin/shot-lookup?code=X", null).statusCode());
    }

    private static JsonNode find(JsonNode shots, String code) {
        for (JsonNode s : shots) if (code.equals(s.path("code").asText())) return s;
        throw new AssertionError(code + " not in " + shots);
    }
}
