package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * SHOTGRID_DELIVERY_FIELD: each shot's delivery summary is written onto the Shot with
 * {@code PUT /api/v1/entity/shots/{id}}, only when it changed; a refused write is tried again and never
 * touches a job write; ShotGrid's event for that field starts no reconcile.
 */
class DeliveryFieldTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.put("delivery.poll.interval.ms", "1000");
        p.put("shotgrid.delivery.field", "sg_resilio_delivery");
    }

    private void studio() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.job(1001, OldToolScenariosTest.SHOT_0010_ALEX).job(1002, OldToolScenariosTest.ASSETS_ALEX).install();
        DeliveryPollTest.agentsAndRuns();
    }

    private static List<LoggedRequest> shotWrites() {
        return shotgridServer.findAll(putRequestedFor(urlPathMatching("/api/v1/entity/shots/.*")));
    }

    @Test
    void the_summary_is_written_onto_the_shot_once_while_it_does_not_change() throws Exception {
        studio();
        shotgridServer.stubFor(put(urlPathEqualTo("/api/v1/entity/shots/1213")).willReturn(okJson("{\"data\": {\"type\": \"Shot\", \"id\": 1213}}")));
        reconcile(155L);

        await().atMost(Duration.ofSeconds(15)).until(() -> shotWrites().size() == 1);
        LoggedRequest write = shotWrites().get(0);
        assertEquals("{\"sg_resilio_delivery\":\"0/1 ready - Alex Trial offline since 09:12 UTC\"}", write.getBodyAsString());
        assertEquals(true, write.getHeader("Content-Type").startsWith("application/json"), write.getHeader("Content-Type"));
        assertEquals(true, write.getHeader("Authorization").startsWith("Bearer "));
        Thread.sleep(3000);                                           // three more polls, nothing changed
        assertEquals(1, shotWrites().size());
    }

    @Test
    void a_refused_write_is_tried_again_at_the_next_poll_and_no_job_is_written_for_it() throws Exception {
        studio();
        shotgridServer.stubFor(put(urlPathEqualTo("/api/v1/entity/shots/1213")).willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\": [{\"status\": 400, \"title\": \"field sg_resilio_delivery does not exist or user does not have access permission\"}]}")));
        reconcile(155L);
        int jobWrites = console.writes().size();

        await().atMost(Duration.ofSeconds(15)).until(() -> shotWrites().size() >= 3);
        assertEquals(jobWrites, console.writes().size());
    }

    @Test
    void shotgrids_event_for_the_field_starts_no_reconcile() throws Exception {
        studio();
        shotgridServer.stubFor(put(urlPathEqualTo("/api/v1/entity/shots/1213")).willReturn(okJson("{\"data\": {\"type\": \"Shot\", \"id\": 1213}}")));
        reconcile(155L);
        await().atMost(Duration.ofSeconds(15)).until(() -> shotWrites().size() == 1);
        long reconciles = runs().ended();
        byte[] own = """
            {"data": {"id": "4242.3001.0", "event_log_entry_id": 903001, "event_type": "Shotgun_Shot_Change", "operation": "update",
              "entity": {"type": "Shot", "id": 1213}, "project": {"type": "Project", "id": 155},
              "meta": {"type": "attribute_change", "attribute_name": "sg_resilio_delivery", "entity_type": "Shot", "entity_id": 1213,
                       "old_value": null, "new_value": "0/1 ready - Alex Trial offline since 09:12 UTC"},
              "created_at": "2026-12-03 10:15:02.120331", "attribute_name": "sg_resilio_delivery"}}""".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertEquals(200, WebhookSupport.deliver(httpPort, own).statusCode());
        Thread.sleep(3000);                                           // past the debounce (2 s)

        assertEquals(reconciles, runs().ended(), "the service does not feed itself");
        assertEquals(1, shotWrites().size());
    }
}
