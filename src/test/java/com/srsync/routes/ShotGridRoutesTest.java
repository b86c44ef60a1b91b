package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.group;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.reconcile.ProjectSnapshot;
import com.srsync.reconcile.ShotGridUser;
import com.srsync.reconcile.ShotRecord;
import com.srsync.shotgrid.ShotGridAnswerException;
import com.srsync.shotgrid.UnknownProjectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

/** routes/shotgrid.yaml against a ShotGrid site on WireMock: paging by key, login, the snapshot. */
class ShotGridRoutesTest extends ServiceTestSupport {

    @Override
    void moreProperties(Properties p) {
        p.put("shotgrid.api.key", "s3cret+key");
    }

    private ProjectSnapshot snapshot(long project) {
        return template.requestBody("direct:shotgrid-snapshot", project, ProjectSnapshot.class);
    }

    private static Throwable cause(CamelExecutionException e, Class<?> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return t;
        return e;
    }

    @Test
    void reads_1200_shots_and_3600_tasks_in_at_most_one_request_per_500_rows_plus_3() {
        site.project(155, "TST");
        for (int s = 0; s < 1200; s++) site.shot(10_000 + s, 155, "TST_%03d_%04d".formatted(s / 100, s % 100 * 10), "active", "TST_%03d".formatted(s / 100));
        for (int t = 0; t < 3600; t++) site.task(50_000 + t, 10_000 + t / 3, user(7 + t % 2, t % 2 == 0 ? "Alex Trial" : "Matthew Testuser"));
        site.install();

        ProjectSnapshot snapshot = snapshot(155);

        assertEquals(1200, snapshot.shots().size());
        assertEquals(List.of(ShotGridUser.named(7, "Alex Trial"), ShotGridUser.named(8, "Matthew Testuser")), snapshot.shots().get(0).assignees());
        // 3 shot pages + 8 task pages, plus login, projects, projects in the trash
        assertEquals(14, shotgridServer.getAllServeEvents().size());
    }

    @Test
    void pages_are_read_by_key_sorted_by_id_always_page_1() {
        site.project(155, "TST");
        for (int s = 0; s < 600; s++) site.shot(10_000 + s, 155, "S" + s, "active", null);
        site.install();

        snapshot(155);

        shotgridServer.verify(postRequestedFor(urlEqualTo("/api/v1/entity/shots/_search"))
                .withHeader("Content-Type", equalTo("application/vnd+shotgun.api3_array+json"))
                .withRequestBody(equalToJson("""
                    {"filters": [["project", "is", {"type": "Project", "id": 155}], ["sg_status_list", "in", ["active"]], ["id", "greater_than", 0]],
                     "fields": "code,sg_status_list,sg_sequence", "sort": "id",
                     "page": {"size": 500, "number": 1}, "options": {"return_only": "active"}}""")));
        shotgridServer.verify(postRequestedFor(urlEqualTo("/api/v1/entity/shots/_search"))
                .withRequestBody(matchingJsonPath("$.filters[2]", equalToJson("[\"id\", \"greater_than\", 10499]")))
                .withRequestBody(matchingJsonPath("$.page.number", equalTo("1"))));
    }

    @Test
    void a_shot_that_leaves_the_search_between_two_pages_makes_no_active_shot_lose_its_job() {
        site.project(155, "TST");
        for (int s = 0; s < 600; s++) {
            site.shot(10_000 + s, 155, "TST_010_%04d".formatted(s), "active", "TST_010");
            site.task(50_000 + s, 10_000 + s, user(7, "Alex Trial"));
        }
        // while the service reads, a coordinator puts shot 10010 (on the first page) on hold, just before
        // the second page is read (asked for by key here; by number, as the old paging did, it would skip a row)
        site.beforeAnswer((entity, request) -> {
            if (entity.equals("shots") && (request.toString().contains("greater_than, 10499") || request.toString().contains("number=2"))) site.change("Shot", 10_010, "sg_status_list", "hld");
        }).install();
        long id = 1000;
        for (int s = 0; s < 600; s++) {
            console.job(id++, OldToolScenariosTest.recorded(OldToolScenariosTest.SHOT_0010_ALEX.replace("TST_010_0010", "TST_010_%04d".formatted(s))));
        }
        console.job(id, OldToolScenariosTest.recorded(OldToolScenariosTest.ASSETS_ALEX)).install();

        reconcile(155L);

        List<String> deleted = new ArrayList<>();
        resilioServer.findAll(deleteRequestedFor(urlMatching("/api/v2/jobs/.*"))).forEach(r -> deleted.add(r.getUrl()));
        // shot 10010's own job may go (it is on hold now); no other shot's may
        deleted.remove("/api/v2/jobs/1010");
        assertEquals(List.of(), deleted);
    }

    @Test
    void a_group_assignee_is_expanded_to_its_members() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5002, 1213, group(3, "Comp Team"))
                .groupOf(3, "Comp Team", user(7, "Alex Trial"), user(8, "Matthew Testuser")).install();

        ShotRecord shot = snapshot(155).shots().get(0);

        assertEquals(List.of(ShotGridUser.named(7, "Alex Trial"), ShotGridUser.named(8, "Matthew Testuser")), shot.assignees());
        shotgridServer.verify(1, postRequestedFor(urlEqualTo("/api/v1/entity/groups/_search"))
                .withRequestBody(matchingJsonPath("$.filters[0]", equalToJson("[\"id\", \"in\", [3]]"))));
        shotgridServer.verify(0, postRequestedFor(urlEqualTo("/api/v1/entity/human_users/_search")));   // artists.yaml matches by name
    }

    @Test
    void a_project_without_tank_name_gives_an_empty_snapshot_and_an_unknown_one_an_error() {
        site.project(156, null).project(155, "TST").retiredProject(99, "TST_B").shot(1, 156, "X", "active", null).install();

        ProjectSnapshot snapshot = snapshot(156);
        assertEquals(null, snapshot.tankName());
        assertEquals(List.of(), snapshot.shots());
        assertEquals(Set.of("TST", "TST_B"), snapshot.directory().tankNames());
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> snapshot(404));
        assertInstanceOf(UnknownProjectException.class, cause(e, UnknownProjectException.class));
    }

    @Test
    void a_failed_page_fails_the_whole_read() {
        site.project(155, "TST");
        for (int s = 0; s < 600; s++) site.shot(10_000 + s, 155, "S" + s, "active", null);
        site.failPage("shots", 2, 503).install();

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> snapshot(155));

        assertEquals(503, ((HttpOperationFailedException) cause(e, HttpOperationFailedException.class)).getStatusCode());
    }

    @Test
    void a_page_without_data_fails_the_whole_read() {
        site.project(155, "TST").install();
        shotgridServer.stubFor(post("/api/v1/entity/shots/_search").willReturn(okJson("{\"errors\": [{\"status\": 400, \"title\": \"bad\"}]}")));

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> snapshot(155));

        assertTrue(cause(e, ShotGridAnswerException.class).getMessage().contains("the answer has no data list"), e.toString());
    }

    @Test
    void a_site_that_ignores_the_paging_filter_fails_the_read_instead_of_looping() {
        site.project(155, "TST").install();
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 500; i++) rows.append(i == 1 ? "" : ",").append("{\"type\": \"Shot\", \"id\": ").append(i).append(", \"attributes\": {}}");
        shotgridServer.stubFor(post("/api/v1/entity/shots/_search").willReturn(okJson("{\"data\": [" + rows + "]}")));

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> snapshot(155));

        assertTrue(cause(e, ShotGridAnswerException.class).getMessage().contains("ignored the paging filter"), e.toString());
    }

    @Test
    void a_refused_token_is_renewed_once_and_the_page_asked_again() {
        site.project(155, "TST").install();
        shotgridServer.stubFor(post("/api/v1/entity/projects/_search").inScenario("expiry").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));

        snapshot(155);

        shotgridServer.verify(2, postRequestedFor(urlEqualTo("/api/v1/auth/access_token")));
    }

    @Test
    void the_login_sends_the_script_credentials_as_a_form_and_never_shows_them() {
        shotgridServer.stubFor(post("/api/v1/auth/access_token").willReturn(aResponse().withStatus(400).withBody("{\"errors\":[{\"title\":\"bad credentials\"}]}")));

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> snapshot(155));

        shotgridServer.verify(postRequestedFor(urlEqualTo("/api/v1/auth/access_token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=resilio_sync&client_secret=s3cret%2Bkey")));
        for (Throwable t = e; t != null; t = t.getCause()) assertFalse(String.valueOf(t.getMessage()).contains("s3cret"), t.toString());
    }

    @Test
    void an_extension_route_can_search_shotgrid_with_a_query_of_its_own() {
        site.project(155, "TST").project(156, "OTH").install();
        var query = new com.srsync.shotgrid.SearchQuery("projects", List.of(List.of("tank_name", "is", "OTH")), List.of("name"), "active");

        List<?> rows = template.requestBody("direct:shotgrid-search", query, List.class);

        assertEquals(1, rows.size());
        assertEquals(156, ((com.fasterxml.jackson.databind.JsonNode) rows.get(0)).path("id").asLong());
    }

}
