package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** SHOTGRID_WEBHOOK_REVIVE=true: a Failed hook is switched back on once (not again within the hour), and every project is reconciled. */
class WebhookReviveTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.put("shotgrid.webhook.watch", "true");
        p.put("shotgrid.webhook.revive", "true");
        p.put("shotgrid.webhook.watch.interval.ms", "500");
    }

    @Test
    void a_failed_hook_is_switched_back_on_once_and_the_gap_is_filled() throws Exception {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
        shotgridServer.stubFor(get(urlPathEqualTo("/api/v1/webhook/hooks")).willReturn(okJson("""
            {"data": [{"id": "4c7e-a1", "type": "webhook", "attributes": {"url": "https://sync.studio.example/webhooks/shotgrid", "status": "failed"}}]}""")));
        shotgridServer.stubFor(get(urlPathEqualTo("/api/v1/webhook/hooks/4c7e-a1/deliveries")).willReturn(okJson("{\"data\": []}")));
        shotgridServer.stubFor(put("/api/v1/webhook/hooks/4c7e-a1").willReturn(okJson("""
            {"data": {"id": "4c7e-a1", "type": "webhook", "attributes": {"status": "active"}}}""")));

        await().atMost(Duration.ofSeconds(15)).until(() -> shotgridServer.findAll(putRequestedFor(urlEqualTo("/api/v1/webhook/hooks/4c7e-a1"))).size() == 1);
        assertEquals("{\"status\":\"active\"}", shotgridServer.findAll(putRequestedFor(urlEqualTo("/api/v1/webhook/hooks/4c7e-a1"))).get(0).getBodyAsString());
        await().atMost(Duration.ofSeconds(10)).until(() -> console.writes().size() == 2);   // the gap filled: every project reconciled
        Thread.sleep(2000);                                                                   // four more checks: the hook still reads failed
        assertEquals(1, shotgridServer.findAll(putRequestedFor(urlEqualTo("/api/v1/webhook/hooks/4c7e-a1"))).size(), "at most once an hour");
    }
}
