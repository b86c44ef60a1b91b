package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.routes.WebhookSupport.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The event log poller in the running service, next to webhooks. */
class EventLogRouteTest extends ServiceTestSupport {
    private static final String EVENT_900101 = """
        {"type": "EventLogEntry", "id": 900101,
         "attributes": {"event_type": "Shotgun_Shot_Change", "attribute_name": "sg_status_list", "created_at": "2026-11-20 10:15:02.120331",
                        "meta": {"type": "attribute_change", "attribute_name": "sg_status_list", "entity_type": "Shot", "entity_id": 1213,
                                 "old_value": "wtg", "new_value": "active"}},
         "relationships": {"entity": {"data": {"type": "Shot", "id": 1213, "name": "TST_010_0010"}},
                           "project": {"data": {"type": "Project", "id": 155, "name": "Test Project"}},
                           "user": {"data": {"type": "HumanUser", "id": 42, "name": "Producer"}}}}""";

    @Override
    void moreProperties(Properties p) {
        p.put("eventlog.poll.enabled", "true");
        p.put("eventlog.poll.interval.ms", "300");
        p.put("eventlog.start.id", "900101");
        p.put("sync.debounce.ms", "500");
    }

    private void eventLogWith900101() {
        shotgridServer.stubFor(post("/api/v1/entity/event_log_entries/_search")
                .withRequestBody(matchingJsonPath("$.filters[0][2]", equalTo("900100")))
                .willReturn(okJson("{\"data\": [" + EVENT_900101 + "]}")));
        shotgridServer.stubFor(post("/api/v1/entity/event_log_entries/_search")
                .withRequestBody(matchingJsonPath("$.filters[0][2]", equalTo("900101")))
                .willReturn(okJson("{\"data\": []}")));
    }

    @Test
    void a_change_seen_as_a_webhook_and_in_the_event_log_reaches_resilio_once() throws Exception {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
        assertEquals(200, deliver(httpPort, fixture("shot-status-active.json")).statusCode());   // event 900101 as a webhook
        eventLogWith900101();                                                                     // and in the log

        await().atMost(Duration.ofSeconds(10)).until(() -> shotgridServer.findAll(postRequestedFor(
                urlEqualTo("/api/v1/entity/event_log_entries/_search")).withRequestBody(matchingJsonPath("$.filters[0][2]", equalTo("900101")))).size() > 0);
        awaitReconciles(1);
        Thread.sleep(1500);

        assertEquals(2, console.writes().size());      // the shot job and the assets job, once
        String metrics = admin("GET", "/observe/metrics", ADMIN_TOKEN).body();
        assertTrue(metrics.contains("srsync_events_total{relevance=\"relevant\"} 1.0"), metrics.lines().filter(l -> l.startsWith("srsync_events")).toList().toString());
        assertTrue(metrics.contains("srsync_eventlog_last_id 900101.0"));
        assertTrue(metrics.contains("srsync_eventlog_backlog 0.0"));
    }

    @Test
    void events_from_the_log_alone_reconcile_their_project() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
        eventLogWith900101();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs"))));
    }

    @Test
    void a_poller_that_cannot_read_the_log_shows_in_health() throws Exception {
        site.project(155, "TST").install();
        shotgridServer.stubFor(post("/api/v1/entity/event_log_entries/_search").willReturn(aResponse().withStatus(502)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var health = admin("GET", "/observe/health", ADMIN_TOKEN);
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("event log: ShotGrid ") && health.body().contains("_search answered 502"), health.body());
            assertTrue(health.body().contains("(backlog 0, lag 0, last_id 900100)"), health.body());
        });
    }
}
