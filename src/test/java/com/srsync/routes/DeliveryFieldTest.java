package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * SHOTGRID_DELIVERY_FIELD against a ShotGrid site on WireMock: the field's schema is read first; each shot's
 * summary is written with {@code PUT /api/v1/entity/shots/{id}} only when it differs from what the Shot holds (a
 * restart rewrites nothing); a shot whose job goes gets a final summary; a refused field stops the write-back,
 * shown in health; an outage pauses it; a write never touches a job write; ShotGrid's event for the field
 * starts no reconcile.
 */
class DeliveryFieldTest extends ServiceTestSupport {
    private static final String SUMMARY = "0/1 ready - Alex Trial offline since 09:12 UTC";

    @Override
    void moreProperties(Properties p) {
        p.put("delivery.poll.interval.ms", "1000");
        p.put("shotgrid.delivery.field", "sg_resilio_delivery");
    }

    private void studio() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.job(1001, OldToolScenariosTest.SHOT_0010_ALEX).job(1002, OldToolScenariosTest.ASSETS_ALEX).install();
        DeliveryPollTest.agentsAndRuns();
        fieldIsText();
    }

    /** ShotGrid's schema of sg_resilio_delivery as the REST API answers it: a text field the script may edit. */
    static void fieldIsText() {
        shotgridServer.stubFor(get(urlPathEqualTo("/api/v1/schema/Shot/fields/sg_resilio_delivery")).willReturn(okJson("""
            {"data": {"name": {"value": "Resilio delivery", "editable": true}, "data_type": {"value": "text", "editable": false},
                      "editable": {"value": true, "editable": false}, "entity_type": {"value": "Shot", "editable": false}},
             "links": {"self": "/api/v1/schema/Shot/fields/sg_resilio_delivery"}}""")));
    }

    private static void shotgridTakes() {
        shotgridServer.stubFor(put(urlPathMatching("/api/v1/entity/shots/.*")).willReturn(okJson("{\"data\": {\"type\": \"Shot\", \"id\": 1213}}")));
    }

    private static List<LoggedRequest> shotWrites() {
        return shotgridServer.findAll(putRequestedFor(urlPathMatching("/api/v1/entity/shots/.*")));
    }

    private String fieldCheck() throws Exception {
        String health = admin("GET", "/observe/health", ADMIN_TOKEN).body();
        int i = health.indexOf("\"delivery-field\"");
        return i < 0 ? health : health.substring(health.lastIndexOf('{', i), health.indexOf('}', i) + 1);
    }

    @Test
    void the_summary_is_written_onto_the_shot_once_while_it_does_not_change() throws Exception {
        studio();
        shotgridTakes();
        reconcile(155L);

        await().atMost(Duration.ofSeconds(15)).until(() -> shotWrites().size() == 1);
        LoggedRequest write = shotWrites().get(0);
        assertEquals("{\"sg_resilio_delivery\":\"" + SUMMARY + "\"}", write.getBodyAsString());
        assertTrue(write.getHeader("Content-Type").startsWith("application/json"), write.getHeader("Content-Type"));
        assertTrue(write.getHeader("Authorization").startsWith("Bearer "));
        assertEquals(1, shotgridServer.findAll(getRequestedFor(urlPathEqualTo("/api/v1/schema/Shot/fields/sg_resilio_delivery"))).size());
        Thread.sleep(3000);                                           // more polls and ticks, nothing changed
        assertEquals(1, shotWrites().size());
        assertTrue(fieldCheck().contains("\"UP\""), fieldCheck());
    }

    @Test
    void after_a_restart_a_shot_that_already_holds_its_summary_is_not_written_again() throws Exception {
        studio();
        site.change("Shot", 1213, "sg_resilio_delivery", SUMMARY);   // what the service wrote before it restarted
        shotgridTakes();
        reconcile(155L);

        await().atMost(Duration.ofSeconds(10)).until(() -> shotgridServer.findAll(postRequestedFor(urlEqualTo("/api/v1/entity/shots/_search"))
                .withRequestBody(matchingJsonPath("$.fields", containing("sg_resilio_delivery")))).size() >= 1);
        Thread.sleep(3000);
        assertEquals(0, shotWrites().size(), "the Shot holds its summary already");
    }

    @Test
    void a_shot_whose_job_goes_gets_a_final_summary_not_one_that_stays_ready_for_ever() throws Exception {
        studio();
        shotgridTakes();
        reconcile(155L);
        await().atMost(Duration.ofSeconds(15)).until(() -> shotWrites().size() == 1);
        site.change("Shot", 1213, "sg_resilio_delivery", SUMMARY);
        site.change("Shot", 1213, "sg_status_list", "hld");          // the shot goes on hold: its job is deleted
        reconcile(155L);

        await().atMost(Duration.ofSeconds(15)).until(() -> shotWrites().size() == 2);
        assertEquals("{\"sg_resilio_delivery\":\"no sync job: shot on hold\"}", shotWrites().get(1).getBodyAsString());
        Thread.sleep(2500);
        assertEquals(2, shotWrites().size(), "a final summary is written once");
    }

    @Test
    void a_field_shotgrid_refuses_stops_the_write_back_shown_in_health_and_no_job_is_written_for_it() throws Exception {
        studio();
        shotgridServer.stubFor(put(urlPathEqualTo("/api/v1/entity/shots/1213")).willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\": [{\"status\": 400, \"title\": \"field sg_resilio_delivery does not exist or user does not have access permission\"}]}")));
        reconcile(155L);
        int jobWrites = console.writes().size();

        await().atMost(Duration.ofSeconds(15)).until(() -> fieldCheck().contains("DOWN"));
        assertTrue(fieldCheck().contains("does not exist on the site, or the script may not see it (ShotGrid answered 400"), fieldCheck());
        Thread.sleep(2500);
        assertEquals(1, shotWrites().size(), "stopped: not tried again every tick");
        assertEquals(jobWrites, console.writes().size());
    }

    @Test
    void a_shotgrid_outage_pauses_the_writes_for_the_whole_site() throws Exception {
        studio();
        shotgridServer.stubFor(put(urlPathEqualTo("/api/v1/entity/shots/1213")).willReturn(aResponse().withStatus(503)));
        reconcile(155L);

        await().atMost(Duration.ofSeconds(15)).until(() -> shotWrites().size() == 1);
        Thread.sleep(3000);                                           // ticks pass: the pause (a minute) holds
        assertEquals(1, shotWrites().size());
        assertTrue(fieldCheck().contains("\"UP\""), "a pause is no stop: " + fieldCheck());
    }

    @Test
    void a_field_the_schema_does_not_know_stops_the_write_back_before_any_write() throws Exception {
        studio();
        shotgridServer.stubFor(get(urlPathEqualTo("/api/v1/schema/Shot/fields/sg_resilio_delivery")).willReturn(aResponse().withStatus(404)
                .withBody("{\"errors\": [{\"status\": 404, \"title\": \"Field not found\"}]}")));
        shotgridTakes();
        reconcile(155L);

        await().atMost(Duration.ofSeconds(15)).until(() -> fieldCheck().contains("DOWN"));
        Thread.sleep(2000);
        assertEquals(0, shotWrites().size());
    }

    @Test
    void shotgrids_event_for_the_field_starts_no_reconcile() throws Exception {
        studio();
        shotgridTakes();
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
