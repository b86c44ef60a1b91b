package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The webhook watch against a simulated ShotGrid with an event log, hooks and their deliveries: events that
 * never came by webhook are found and handled from the log; a hook that goes Failed raises the alarm within
 * one check; no alarm while all is well; no write to ShotGrid's hooks (revive is off).
 */
class WebhookWatchTest extends ServiceTestSupport {
    private static final DateTimeFormatter SG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Override
    void moreProperties(Properties p) {
        p.put("eventlog.poll.enabled", "true");
        p.put("eventlog.poll.interval.ms", "300");
        p.put("eventlog.start.id", "900101");             // the poller asks for the events after 900100
        p.put("webhook.silence.grace.ms", "1500");
        p.put("shotgrid.webhook.watch", "true");
        p.put("shotgrid.webhook.watch.interval.ms", "1000");
        p.put("sync.debounce.ms", "200");
    }

    private static String now() {
        return LocalDateTime.now(ZoneOffset.UTC).format(SG_TIME);
    }

    private static String event(long id, String createdAt) {
        return """
            {"type": "EventLogEntry", "id": %d,
             "attributes": {"event_type": "Shotgun_Shot_Change", "attribute_name": "sg_status_list", "created_at": "%s",
                            "meta": {"type": "attribute_change", "attribute_name": "sg_status_list", "entity_type": "Shot", "entity_id": 1213,
                                     "old_value": "wtg", "new_value": "active"}},
             "relationships": {"entity": {"data": {"type": "Shot", "id": 1213, "name": "TST_010_0010"}},
                               "project": {"data": {"type": "Project", "id": 155, "name": "Test Project"}}}}""".formatted(id, createdAt);
    }

    private static String delivery(long id, String createdAt) {
        return """
            {"data": {"id": "4242.%d.0", "event_log_entry_id": %d, "event_type": "Shotgun_Shot_Change", "operation": "update",
              "entity": {"type": "Shot", "id": 1213}, "project": {"type": "Project", "id": 155},
              "meta": {"type": "attribute_change", "attribute_name": "sg_status_list", "entity_type": "Shot", "entity_id": 1213,
                       "old_value": "wtg", "new_value": "active"},
              "created_at": "%s", "attribute_name": "sg_status_list"}, "timestamp": "2026-12-03T10:15:03Z"}""".formatted(id, id, createdAt);
    }

    /** The studio, three events in the log, and one hook of this service's in the given status. */
    private String[] studio(String hookStatus) {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
        String[] at = {now(), now(), now()};
        shotgridServer.stubFor(post("/api/v1/entity/event_log_entries/_search").withRequestBody(matchingJsonPath("$.filters[0][2]", equalTo("900100")))
                .willReturn(okJson("{\"data\": [" + event(900101, at[0]) + "," + event(900102, at[1]) + "," + event(900103, at[2]) + "]}")));
        shotgridServer.stubFor(post("/api/v1/entity/event_log_entries/_search").withRequestBody(matchingJsonPath("$.filters[0][2]", equalTo("900103")))
                .willReturn(okJson("{\"data\": []}")));
        hook(hookStatus);
        shotgridServer.stubFor(get(urlPathEqualTo("/api/v1/webhook/hooks/4c7e-a1/deliveries")).withQueryParam("status", equalTo("failed"))
                .willReturn(okJson("{\"data\": []}")));
        return at;
    }

    private static void hook(String status) {
        shotgridServer.stubFor(get(urlPathEqualTo("/api/v1/webhook/hooks")).willReturn(okJson("""
            {"data": [{"id": "4c7e-a1", "type": "webhook", "attributes": {"url": "https://sync.studio.example/webhooks/shotgrid", "status": "%s",
                        "entity_types": {"Shot": {"update_all_fields": false}}}},
                      {"id": "9d2b-b2", "type": "webhook", "attributes": {"url": "https://render.studio.example/hooks", "status": "failed"}}]}"""
                .formatted(status))));
    }

    private String webhookCheck() throws Exception {
        String health = admin("GET", "/observe/health", ADMIN_TOKEN).body();
        int i = health.indexOf("\"webhook\"");
        return i < 0 ? health : health.substring(Math.max(0, health.lastIndexOf('{', i)), health.indexOf('}', i) + 1);
    }

    @Test
    void events_that_never_came_by_webhook_raise_the_alarm_and_are_handled_from_the_log() throws Exception {
        studio("active");

        await().atMost(Duration.ofSeconds(15)).until(() -> webhookCheck().contains("DOWN"));
        assertTrue(webhookCheck().contains("3 events in a row in ShotGrid's event log never came by webhook"), webhookCheck());
        await().atMost(Duration.ofSeconds(10)).until(() -> console.writes().size() == 2);   // handled from the log: the jobs were made
        String metrics = admin("GET", "/observe/metrics", ADMIN_TOKEN).body();
        assertTrue(metrics.contains("srsync_webhook_missed_events 3.0"), metrics.lines().filter(l -> l.startsWith("srsync_webhook")).toList().toString());
        assertTrue(metrics.contains("srsync_webhook_alarm 1.0"));
        assertEquals(0, shotgridServer.findAll(putRequestedFor(anyUrl())).size(), "read-only: revive is off");
    }

    @Test
    void no_alarm_while_every_event_comes_by_webhook_and_the_hook_is_active() throws Exception {
        String[] at = studio("active");
        for (int i = 0; i < 3; i++) {
            byte[] body = delivery(900101 + i, at[i]).getBytes(StandardCharsets.UTF_8);
            assertEquals(200, WebhookSupport.deliver(httpPort, body).statusCode());
        }
        await().atMost(Duration.ofSeconds(15)).until(() ->                // the first hook check (5 s after start) read its deliveries
                shotgridServer.findAll(getRequestedFor(urlPathEqualTo("/api/v1/webhook/hooks/4c7e-a1/deliveries"))).size() >= 1);
        Thread.sleep(2000);                                              // and the grace of the last event has passed

        String check = webhookCheck();
        assertTrue(check.contains("\"UP\""), check);
        assertEquals(0, shotgridServer.findAll(getRequestedFor(urlPathEqualTo("/api/v1/webhook/hooks/9d2b-b2/deliveries"))).size(),
                "another service's hook is none of ours");
        String metrics = admin("GET", "/observe/metrics", ADMIN_TOKEN).body();
        assertTrue(metrics.contains("srsync_webhook_alarm 0.0"), metrics.lines().filter(l -> l.startsWith("srsync_webhook")).toList().toString());
        assertTrue(metrics.contains("srsync_webhook_failed_answers_last_day 0.0"));
    }

    @Test
    void a_hook_that_goes_failed_raises_the_alarm_within_one_check_and_nothing_is_written_to_it() throws Exception {
        String[] at = studio("active");
        for (int i = 0; i < 3; i++) WebhookSupport.deliver(httpPort, delivery(900101 + i, at[i]).getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                shotgridServer.findAll(getRequestedFor(urlPathEqualTo("/api/v1/webhook/hooks/4c7e-a1/deliveries"))).size() >= 1);
        assertTrue(webhookCheck().contains("\"UP\""), webhookCheck());

        hook("failed");

        await().atMost(Duration.ofSeconds(3)).until(() -> webhookCheck().contains("DOWN"));
        assertTrue(webhookCheck().contains("the webhook to https://sync.studio.example/webhooks/shotgrid is 'failed' on ShotGrid"), webhookCheck());
        assertTrue(webhookCheck().contains("until a person switches it back on"), webhookCheck());
        assertEquals(0, shotgridServer.findAll(putRequestedFor(anyUrl())).size());
    }

    @Test
    void a_watch_the_script_may_not_do_is_unknown_never_up() throws Exception {
        String[] at = studio("active");
        for (int i = 0; i < 3; i++) WebhookSupport.deliver(httpPort, delivery(900101 + i, at[i]).getBytes(StandardCharsets.UTF_8));
        shotgridServer.stubFor(get(urlPathEqualTo("/api/v1/webhook/hooks")).atPriority(1).willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\": [{\"status\": 403, \"title\": \"Forbidden\"}]}")));

        await().atMost(Duration.ofSeconds(15)).until(() -> webhookCheck().contains("UNKNOWN"));
        assertTrue(webhookCheck().contains("API Admin"), webhookCheck());
    }

    @Test
    void an_announced_status_is_cleared_by_a_read_that_finds_the_hook_active() throws Exception {
        String[] at = studio("active");
        for (int i = 0; i < 3; i++) WebhookSupport.deliver(httpPort, delivery(900101 + i, at[i]).getBytes(StandardCharsets.UTF_8));
        hook("failed");
        assertEquals(200, WebhookSupport.deliver(httpPort, HookAnnouncementTest.statusChange(900200, "active", "failed")).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> webhookCheck().contains("ShotGrid announced the webhook's new status 'failed'"));
        assertTrue(webhookCheck().contains("DOWN"), webhookCheck());

        hook("active");                                                   // a person switched it back on; no announcement of it came
        await().atMost(Duration.ofSeconds(5)).until(() -> webhookCheck().contains("\"UP\""));
        assertTrue(!webhookCheck().contains("announced"), webhookCheck());
    }
}
