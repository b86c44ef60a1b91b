package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The delivery poll against a console answering in the shapes Resilio documents: {@code GET /agents} a
 * plain array with Unix-second {@code last_seen}, {@code GET /runs} and {@code GET /runs/{id}/agents} in
 * a {@code data} envelope. What it read is served by {@code GET /admin/delivery} without an upstream call.
 */
class DeliveryPollTest extends ServiceTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    void moreProperties(Properties p) {
        p.put("delivery.poll.interval.ms", "1000");
    }

    private void studio() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.job(1001, OldToolScenariosTest.SHOT_0010_ALEX).job(1002, OldToolScenariosTest.ASSETS_ALEX).install();
        agentsAndRuns();
    }

    /** The console's agents (Alex's machine offline since 09:12 UTC), the runs of jobs 1001 and 1002, and their agents. */
    static void agentsAndRuns() {
        resilioServer.stubFor(get("/api/v2/agents").willReturn(okJson("""
            [{"id": 4, "name": "Linux_Remote", "online": true, "last_seen": 1796288400, "status": "online", "os": "linux",
              "tags": [], "groups": [], "errors": []},
             {"id": 2, "name": "Cameron's MacBook Pro", "online": false, "last_seen": 1796289120, "status": "offline", "os": "mac",
              "tags": [], "groups": [], "errors": []},
             {"id": 3, "name": "Cameron's Mac mini", "online": true, "last_seen": 1796289120, "status": "online", "os": "mac",
              "tags": [], "groups": [], "errors": [{"code_str": "DISK_FULL", "message": "Disk is full"}]}]""")));
        resilioServer.stubFor(get(urlPathEqualTo("/api/v2/runs")).willReturn(okJson("""
            {"data": [{"id": 77, "job_id": 1001, "name": "HybridWork_TST_TST_010_0010", "status": "working", "active": true,
                       "size_total": 1200, "size_completed": 1000, "files_total": 12, "agents_total": 2, "down_speed": 0, "errors": []},
                      {"id": 78, "job_id": 1002, "name": "HybridWork_TST_Assets", "status": "finished", "active": true,
                       "size_total": 500, "size_completed": 500, "files_total": 5, "agents_total": 2, "down_speed": 0, "errors": []}]}""")));
        resilioServer.stubFor(get("/api/v2/runs/77/agents").willReturn(okJson("""
            {"data": [{"agent_id": 4, "status": "synced", "permission": "rw", "files_total": 12, "files_completed": 12},
                      {"agent_id": 2, "status": "no peers", "permission": "srw", "files_total": 12, "files_completed": 10}]}""")));
        resilioServer.stubFor(get("/api/v2/runs/78/agents").willReturn(okJson("""
            {"data": [{"agent_id": 4, "status": "synced", "permission": "rw", "files_total": 5, "files_completed": 5},
                      {"agent_id": 2, "status": "synced", "permission": "srw", "files_total": 5, "files_completed": 5}]}""")));
    }

    @Test
    void each_artists_state_is_read_from_the_console_and_served_without_an_upstream_call() throws Exception {
        studio();
        reconcile(155L);
        JsonNode delivery = awaitDelivery(d -> d.path("projects").path(0).path("jobs").size() == 2
                && d.path("projects").path(0).path("jobs").path(1).path("agents").path(1).has("files_completed"));

        JsonNode shot = delivery.path("projects").path(0).path("jobs").path(1);
        assertEquals(155, delivery.path("projects").path(0).path("id").asLong());
        assertEquals("HybridWork_TST_TST_010_0010", shot.path("name").asText());
        assertEquals("TST_010_0010", shot.path("shot").asText());
        assertEquals("offline", shot.path("state").asText(), "the job's state is its worst agent's");
        assertEquals(MAPPER.readTree("{\"id\": 77, \"status\": \"working\", \"errors\": []}"), shot.path("run"));
        JsonNode alex = shot.path("agents").path(1);
        assertEquals("Alex Trial", alex.path("artist").asText());
        assertEquals("enduser", alex.path("role").asText());
        assertEquals("offline", alex.path("state").asText());
        assertFalse(alex.path("online").asBoolean());
        assertEquals("2026-12-03T09:12:00Z", alex.path("last_seen").asText());
        assertEquals(10, alex.path("files_completed").asLong());
        assertEquals(12, alex.path("files_total").asLong());
        assertEquals("offline since 2026-12-03 09:12 UTC", alex.path("detail").asText());
        JsonNode primary = shot.path("agents").path(0);
        assertEquals("ready", primary.path("state").asText());
        assertFalse(primary.has("artist"), "the studio storage is no artist");
        assertEquals("Cameron's MacBook Pro", delivery.path("offline").path(0).path("name").asText());

        // what the page and a scrape cost upstream: nothing
        int sg = shotgridServer.getAllServeEvents().size();
        long consoleOther = consoleRequestsOtherThanThePoll();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, admin("GET", "/admin/delivery", ADMIN_TOKEN).statusCode());
            assertEquals(200, admin("GET", "/admin/delivery?project=155", ADMIN_TOKEN).statusCode());
        }
        assertEquals(sg, shotgridServer.getAllServeEvents().size());
        assertEquals(consoleOther, consoleRequestsOtherThanThePoll());
    }

    @Test
    void a_failed_read_keeps_the_last_state_marked_stale_and_writes_nothing() throws Exception {
        studio();
        reconcile(155L);
        JsonNode good = awaitDelivery(d -> !d.path("checked_at").isNull() && d.path("projects").path(0).path("jobs").size() == 2
                && d.path("projects").path(0).path("jobs").path(0).path("agents").path(1).has("files_completed"));
        int written = console.writes().size();                     // the reconcile's
        resilioServer.stubFor(get("/api/v2/agents").willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

        JsonNode stale = awaitDelivery(d -> d.path("stale").asBoolean());
        assertEquals(good.path("checked_at"), stale.path("checked_at"), "the time of the last good read stays");
        assertTrue(stale.path("error").asText().contains("502"), stale.toString());
        assertEquals(good.path("projects"), stale.path("projects"), "the last state is kept");
        assertEquals(written, console.writes().size(), "the poll is read-only");
    }

    @Test
    void a_status_word_not_known_here_is_shown_raw_as_unknown() throws Exception {
        studio();
        resilioServer.stubFor(get("/api/v2/runs/78/agents").willReturn(okJson("""
            {"data": [{"agent_id": 4, "status": "synced", "permission": "rw", "files_total": 5, "files_completed": 5},
                      {"agent_id": 2, "status": "Quarantined", "permission": "srw", "files_total": 5, "files_completed": 5}]}""")));
        reconcile(155L);
        JsonNode delivery = awaitDelivery(d -> d.path("projects").path(0).path("jobs").path(0).path("agents").path(1).has("files_completed"));
        JsonNode assets = delivery.path("projects").path(0).path("jobs").path(0);
        assertEquals("HybridWork_TST_Assets", assets.path("name").asText());
        assertTrue(assets.path("shot").isNull());
        // Alex's machine is offline on the console: that is said first; a machine that is online shows the raw word
        assertEquals("offline", assets.path("agents").path(1).path("state").asText());
        resilioServer.stubFor(get("/api/v2/agents").willReturn(okJson("""
            [{"id": 4, "name": "Linux_Remote", "online": true, "last_seen": 1796288400, "errors": []},
             {"id": 2, "name": "Cameron's MacBook Pro", "online": true, "last_seen": 1796289120, "errors": []}]""")));
        JsonNode later = awaitDelivery(d -> "unknown".equals(d.path("projects").path(0).path("jobs").path(0).path("agents").path(1).path("state").asText()));
        assertEquals("the console says \"Quarantined\"", later.path("projects").path(0).path("jobs").path(0).path("agents").path(1).path("detail").asText());
    }

    private long consoleRequestsOtherThanThePoll() {
        return resilioServer.getAllServeEvents().stream().map(e -> e.getRequest().getUrl())
                .filter(u -> !u.startsWith("/api/v2/agents") && !u.startsWith("/api/v2/runs")).count();
    }

    private JsonNode awaitDelivery(java.util.function.Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = MAPPER.readTree(admin("GET", "/admin/delivery", ADMIN_TOKEN).body());
            return until.test(last[0]);
        });
        return last[0];
    }
}
