package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A {@code Webhook_Status_Change} delivery needs no permission and no setting: without SHOTGRID_WEBHOOK_WATCH
 * a new status other than active raises the webhook alarm (health and metric), and an active one clears it.
 */
class HookAnnouncementTest extends ServiceTestSupport {
    static byte[] statusChange(long eventId, String from, String to) {
        return ("""
            {"data": {"id": "4242.77.0", "event_log_entry_id": 0, "event_type": "Webhook_Status_Change", "operation": "update",
              "entity": {"type": "Webhook", "id": 12}, "webhook_status": "%s", "meta": {"type": "attribute_change", "attribute_name": "status",
              "old_value": "%s", "new_value": "%s"}, "created_at": "2026-12-03 10:20:%02d.000000"}}""")
                .formatted(to, from, to, eventId % 60).getBytes(StandardCharsets.UTF_8);
    }

    private String webhookCheck() throws Exception {
        String health = admin("GET", "/observe/health", ADMIN_TOKEN).body();
        int i = health.indexOf("\"webhook\"");
        return health.substring(health.lastIndexOf('{', i), health.indexOf('}', i) + 1);
    }

    private String alarm() throws Exception {
        return admin("GET", "/observe/metrics", ADMIN_TOKEN).body().lines().filter(l -> l.startsWith("srsync_webhook_alarm ")).findFirst().orElse("");
    }

    @Test
    void a_status_change_delivery_raises_the_alarm_and_an_active_one_clears_it_without_the_watch_setting() throws Exception {
        assertTrue(webhookCheck().contains("\"UP\""), webhookCheck());
        assertEquals(200, WebhookSupport.deliver(httpPort, statusChange(1, "active", "failed")).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> webhookCheck().contains("DOWN"));
        assertTrue(webhookCheck().contains("ShotGrid announced the webhook's new status 'failed'"), webhookCheck());
        assertEquals("srsync_webhook_alarm 1.0", alarm());

        assertEquals(200, WebhookSupport.deliver(httpPort, statusChange(2, "failed", "active")).statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> webhookCheck().contains("\"UP\""));
        assertEquals("srsync_webhook_alarm 0.0", alarm());
    }
}
