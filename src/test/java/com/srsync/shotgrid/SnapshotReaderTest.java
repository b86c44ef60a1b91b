package com.srsync.shotgrid;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.srsync.stubs.ShotGridSite.group;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.srsync.config.Secret;
import com.srsync.http.JsonHttp;
import com.srsync.http.RemoteCallException;
import com.srsync.reconcile.Artist;
import com.srsync.reconcile.JobSettings;
import com.srsync.reconcile.OsPaths;
import com.srsync.reconcile.PathTemplates;
import com.srsync.reconcile.ProjectSnapshot;
import com.srsync.reconcile.ShotGridUser;
import com.srsync.reconcile.ShotRecord;
import com.srsync.reconcile.StorageAgent;
import com.srsync.reconcile.SyncRules;
import com.srsync.stubs.ShotGridSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnapshotReaderTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final StorageAgent AGENT = new StorageAgent(2, "mac", OsPaths.fromSingleBase("/Volumes/Company"));
    private static final SyncRules BY_NAME = rules(new Artist("Alex Trial", null, null, AGENT));
    private final MutableClock clock = new MutableClock();

    @Test
    void reads_1200_shots_and_3600_tasks_in_at_most_one_request_per_500_rows_plus_3() {
        ShotGridSite site = new ShotGridSite(server).project(155, "TST");
        for (int s = 0; s < 1200; s++) site.shot(10_000 + s, 155, "TST_%03d_%04d".formatted(s / 100, s % 100 * 10), "active", "TST_%03d".formatted(s / 100));
        for (int t = 0; t < 3600; t++) site.task(50_000 + t, 10_000 + t / 3, user(7 + t % 2, t % 2 == 0 ? "Alex Trial" : "Matthew Testuser"));
        site.install();

        ProjectSnapshot snapshot = reader(BY_NAME).snapshot(155);

        assertEquals(1200, snapshot.shots().size());
        assertEquals(List.of(ShotGridUser.named(7, "Alex Trial"), ShotGridUser.named(8, "Matthew Testuser")), snapshot.shots().get(0).assignees());
        // 3 shot pages + 8 task pages, plus login, projects, projects in the trash: the issue allows 14
        assertEquals(14, server.getAllServeEvents().size());
    }

    @Test
    void a_group_assignee_is_expanded_to_its_members() {
        new ShotGridSite(server).project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5002, 1213, group(3, "Comp Team"))
                .groupOf(3, "Comp Team", user(7, "Alex Trial"), user(8, "Matthew Testuser")).install();

        ShotRecord shot = reader(BY_NAME).snapshot(155).shots().get(0);

        assertEquals(List.of(ShotGridUser.named(7, "Alex Trial"), ShotGridUser.named(8, "Matthew Testuser")), shot.assignees());
        server.verify(1, postRequestedFor(urlEqualTo("/api/v1/entity/groups/_search"))
                .withRequestBody(matchingJsonPath("$.filters[0]", equalToJson("[\"id\", \"in\", [3]]"))));
    }

    @Test
    void users_are_read_only_when_artists_are_matched_by_login_or_email() {
        new ShotGridSite(server).project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).userDetails(7, "Alex Trial", "atrial", "alex@studio.example").install();

        reader(BY_NAME).snapshot(155);
        server.verify(0, postRequestedFor(urlEqualTo("/api/v1/entity/human_users/_search")));

        ProjectSnapshot byLogin = reader(rules(new Artist("Alex T.", "atrial", null, AGENT))).snapshot(155);
        assertEquals(new ShotGridUser(7, "Alex Trial", "atrial", "alex@studio.example"), byLogin.shots().get(0).assignees().get(0));
    }

    @Test
    void asks_for_active_shots_outside_the_trash_with_the_array_filter_format() {
        new ShotGridSite(server).project(155, "TST").install();

        reader(BY_NAME).snapshot(155);

        server.verify(postRequestedFor(urlEqualTo("/api/v1/entity/shots/_search"))
                .withHeader("Content-Type", equalTo("application/vnd+shotgun.api3_array+json"))
                .withRequestBody(equalToJson("""
                    {"filters": [["project", "is", {"type": "Project", "id": 155}], ["sg_status_list", "in", ["active"]]],
                     "fields": "code,sg_status_list,sg_sequence", "sort": "id",
                     "page": {"size": 500, "number": 1}, "options": {"return_only": "active"}}""")));
        server.verify(0, postRequestedFor(urlEqualTo("/api/v1/entity/tasks/_search")));
    }

    @Test
    void a_project_without_tank_name_gives_an_empty_snapshot_and_an_unknown_one_an_error() {
        new ShotGridSite(server).project(156, null).project(155, "TST").retiredProject(99, "TST_B").install();

        ProjectSnapshot snapshot = reader(BY_NAME).snapshot(156);
        assertNull(snapshot.tankName());
        assertEquals(Set.of("TST", "TST_B"), snapshot.directory().tankNames());
        assertThrows(UnknownProjectException.class, () -> reader(BY_NAME).snapshot(404));
    }

    @Test
    void a_failed_page_fails_the_whole_read() {
        ShotGridSite site = new ShotGridSite(server).project(155, "TST");
        for (int s = 0; s < 600; s++) site.shot(10_000 + s, 155, "S" + s, "active", null);
        site.install();
        server.stubFor(post("/api/v1/entity/shots/_search").withRequestBody(matchingJsonPath("$.page.number", equalTo("2")))
                .willReturn(aResponse().withStatus(503)));

        RemoteCallException e = assertThrows(RemoteCallException.class, () -> reader(BY_NAME).snapshot(155));
        assertEquals(503, e.getStatus());
        assertTrue(e.isRetryable());
    }

    @Test
    void a_page_without_data_fails_the_whole_read() {
        new ShotGridSite(server).project(155, "TST").install();
        server.stubFor(post("/api/v1/entity/shots/_search").willReturn(okJson("{\"errors\": [{\"status\": 400, \"title\": \"bad\"}]}")));

        assertThrows(RemoteCallException.class, () -> reader(BY_NAME).snapshot(155));
    }

    @Test
    void a_refused_token_is_renewed_once_and_the_page_asked_again() {
        new ShotGridSite(server).project(155, "TST").install();
        server.stubFor(post("/api/v1/entity/projects/_search").inScenario("expiry").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));

        reader(BY_NAME).snapshot(155);

        server.verify(2, postRequestedFor(urlEqualTo("/api/v1/auth/access_token")));
    }

    @Test
    void the_token_is_renewed_before_it_expires_and_reused_until_then() {
        new ShotGridSite(server).project(155, "TST").install();
        ShotGridClient client = client();
        client.search(ShotGridQueries.projects("active"));
        clock.advance(Duration.ofSeconds(500));
        client.search(ShotGridQueries.projects("active"));
        server.verify(1, postRequestedFor(urlEqualTo("/api/v1/auth/access_token")));

        clock.advance(Duration.ofSeconds(50));   // 550 s: past 90 % of 600
        client.search(ShotGridQueries.projects("active"));
        server.verify(2, postRequestedFor(urlEqualTo("/api/v1/auth/access_token")));
    }

    @Test
    void the_login_sends_the_script_credentials_as_a_form_and_never_shows_them_in_errors() {
        server.stubFor(post("/api/v1/auth/access_token").willReturn(aResponse().withStatus(400).withBody("{\"errors\":[{\"title\":\"bad credentials\"}]}")));

        RemoteCallException e = assertThrows(RemoteCallException.class, () -> client().search(ShotGridQueries.projects("active")));

        server.verify(postRequestedFor(urlEqualTo("/api/v1/auth/access_token"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=resilio_sync&client_secret=s3cret%2Bkey")));
        assertTrue(!e.getMessage().contains("s3cret"), e.getMessage());
        assertEquals(400, e.getStatus());
    }

    private SnapshotReader reader(SyncRules rules) {
        return new SnapshotReader(client(), rules);
    }

    private ShotGridClient client() {
        JsonHttp http = new JsonHttp("ShotGrid", HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                Duration.ofSeconds(5), new ObjectMapper());
        URI api = ShotGridClient.apiRoot(URI.create(server.baseUrl()));
        return new ShotGridClient(api, new AccessTokens(api, "resilio_sync", Secret.of("s3cret+key"), http, clock), http);
    }

    private static SyncRules rules(Artist... artists) {
        return new SyncRules(new StorageAgent(4, "nas", OsPaths.fromSingleBase("/home")), List.of(artists),
                new PathTemplates("${PROJECT}/${SHOT}", "${PROJECT}/assets"), JobSettings.defaults(), Set.of("active"));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration d) { now = now.plus(d); }
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
