package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.routes.WebhookSupport.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** /observe/health and /observe/metrics as an operator sees them. */
class ObservabilityTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.put("sync.debounce.ms", "200");
    }

    private String metrics() throws Exception {
        HttpResponse<String> answer = admin("GET", "/observe/metrics", ADMIN_TOKEN);
        assertEquals(200, answer.statusCode());
        return answer.body();
    }

    /** The value of one sample, 0 when absent: {@code value(text, "srsync_writes_total{action=\"create\",result=\"ok\"}")}. */
    private static double value(String text, String name, String... labels) {
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) continue;
            boolean all = true;
            for (String label : labels) all &= line.contains(label);
            if (all) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return 0;
    }

    @Test
    void the_named_metrics_change_when_a_reconcile_runs() throws Exception {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial"), user(99, "Sam Unlisted")).install();
        console.install();
        String before = metrics();
        assertEquals(0, value(before, "srsync_reconcile_total", "outcome=\"written\""));

        assertEquals(200, deliver(httpPort, fixture("shot-status-active.json")).statusCode());
        assertEquals(401, post(httpPort, "/webhooks/shotgrid", fixture("shot-status-active.json"), null).statusCode());
        awaitReconciles(1);

        String after = metrics();
        assertEquals(1, value(after, "srsync_reconcile_total", "outcome=\"written\""));
        assertEquals(1, value(after, "srsync_reconcile_duration_seconds_count", "outcome=\"written\""));
        assertEquals(2, value(after, "srsync_plan_operations_total", "action=\"create\""));
        assertEquals(2, value(after, "srsync_writes_total", "action=\"create\"", "result=\"ok\""));
        assertEquals(1, value(after, "srsync_webhook_deliveries_total", "result=\"accepted\""));
        assertEquals(1, value(after, "srsync_webhook_deliveries_total", "result=\"unauthorized\""));
        assertEquals(1, value(after, "srsync_events_total", "relevance=\"relevant\""));
        assertEquals(1, value(after, "srsync_skipped_artists_total"));
        assertEquals(0, value(after, "srsync_dead_letters"));
        assertTrue(after.contains("srsync_debounce_waiting"));
        assertTrue(after.contains("srsync_reconcile_queue"));
        assertTrue(after.contains("camel_exchanges_total"), "Camel's own route metrics are there too");
        assertFalse(after.contains(com.srsync.stubs.ResilioConsole.TOKEN) || after.contains("sg-api-key-secret") || after.contains(SECRET));
    }

    @Test
    void readiness_goes_down_while_shotgrid_fails_and_up_after_a_good_reconcile() throws Exception {
        site.project(155, "TST").install();
        console.install();
        HttpResponse<String> healthy = admin("GET", "/observe/health", null);
        assertEquals(200, healthy.statusCode());
        assertTrue(healthy.body().contains("\"status\":\"UP\""), healthy.body());

        // every search fails (one that fails while its parallel neighbours succeed is a partial outage, not "down")
        shotgridServer.stubFor(post(urlPathMatching("/api/v1/entity/.*/_search")).willReturn(aResponse().withStatus(503)));
        reconcile(155L);
        HttpResponse<String> down = admin("GET", "/observe/health", ADMIN_TOKEN);
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("_search answered 503"), down.body());
        assertEquals(1, value(metrics(), "srsync_reconcile_errors_total", "stage=\"read\""));

        shotgridServer.resetAll();
        site.install();
        reconcile(155L);
        await().atMost(Duration.ofSeconds(5)).until(() -> admin("GET", "/observe/health", null).statusCode() == 200);
    }

    @Test
    void a_refused_shotgrid_login_makes_readiness_name_the_credentials() throws Exception {
        shotgridServer.stubFor(post("/api/v1/auth/access_token").willReturn(aResponse().withStatus(400).withBody("{\"errors\":[{\"title\":\"bad\"}]}")));

        reconcile(155L);

        HttpResponse<String> down = admin("GET", "/observe/health", ADMIN_TOKEN);
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("login refused (400): check SHOTGRID_SCRIPT_NAME and SHOTGRID_API_KEY"), down.body());
        assertFalse(down.body().contains("sg-api-key-secret"));
    }

    @Test
    void liveness_ignores_upstream_outages() throws Exception {
        shotgridServer.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
        reconcile(155L);

        assertEquals(503, admin("GET", "/observe/health/ready", null).statusCode());
        assertEquals(200, admin("GET", "/observe/health/live", null).statusCode());
    }
}
