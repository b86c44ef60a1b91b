package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.routes.WebhookSupport.*;
import static com.srsync.stubs.ShotGridSite.group;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook answers the README promises, and what the example deliveries lead to. */
class WebhookIngressTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.put("sync.debounce.ms", "300");
        p.put("sync.max.delay.ms", "2000");
    }

    private void tstStudio() {
        site.project(155, "TST").project(156, "OTH")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/webhooks/shotgrid", "/shot_status_webhook", "/assignment_webhook"})
    void a_signed_delivery_is_answered_200_and_reconciles_its_project(String path) {
        tstStudio();
        byte[] body = fixture("shot-status-active.json");

        HttpResponse<String> answer = post(httpPort, path, body, sign(body, SECRET));

        assertEquals(200, answer.statusCode());
        assertEquals("{\"received\":1,\"repeats\":0}", answer.body());
        assertTrue(answer.body().length() < 100);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs"))));
    }

    @Test
    void refused_bodies_get_the_contracts_answers_and_cause_no_call() throws Exception {
        tstStudio();
        byte[] good = fixture("shot-status-active.json");
        byte[] notJson = "this is not json".getBytes(StandardCharsets.UTF_8);
        byte[] notDelivery = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) ' ');

        HttpResponse<String> unsigned = post(httpPort, "/webhooks/shotgrid", good, null);
        assertEquals(401, unsigned.statusCode());
        assertEquals("{\"error\":\"missing or wrong x-sg-signature\"}", unsigned.body());
        assertEquals("application/json", unsigned.headers().firstValue("Content-Type").orElse(""));
        assertEquals(401, post(httpPort, "/webhooks/shotgrid", good, sign(good, "another-secret")).statusCode());
        assertEquals(401, post(httpPort, "/webhooks/shotgrid", good, "sha1=").statusCode());
        assertEquals(401, post(httpPort, "/webhooks/shotgrid", notJson, null).statusCode());
        HttpResponse<String> malformed = post(httpPort, "/webhooks/shotgrid", notJson, sign(notJson, SECRET));
        assertEquals(400, malformed.statusCode());
        assertEquals("{\"error\":\"not a ShotGrid delivery\"}", malformed.body());
        assertEquals("application/json", malformed.headers().firstValue("Content-Type").orElse(""));
        assertEquals(400, post(httpPort, "/webhooks/shotgrid", notDelivery, sign(notDelivery, SECRET)).statusCode());
        assertEquals(413, post(httpPort, "/webhooks/shotgrid", huge, sign(huge, SECRET)).statusCode());
        var form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + httpPort + "/webhooks/shotgrid"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("x-sg-signature", sign("a=1".getBytes(), SECRET))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("a=1")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, form.statusCode());   // the server parsed it as a form: no raw bytes to verify

        Thread.sleep(1000);   // three debounce periods: anything triggered would have run
        shotgridServer.verify(0, anyRequestedFor(anyUrl()));
        assertEquals(List.of(), console.writes());
    }

    @Test
    void the_signature_is_checked_over_the_raw_bytes() {
        tstStudio();
        byte[] body = new String(fixture("shot-status-active.json"), StandardCharsets.UTF_8)
                .replace("\"user\": {\"type\": \"HumanUser\", \"id\": 42}", "\"user\": {\"type\": \"HumanUser\", \"id\": 42, \"name\": \"Zoë Ångström 日本\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(200, deliver(httpPort, body).statusCode());
    }

    @Test
    void a_ping_without_an_entity_is_acknowledged_and_changes_nothing() throws Exception {
        tstStudio();
        byte[] ping = "{\"data\": {\"id\": \"0.0.0\", \"event_type\": \"ping\", \"entity\": null, \"project\": null}, \"timestamp\": \"2026-11-20T10:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(200, deliver(httpPort, ping).statusCode());
        Thread.sleep(1000);
        shotgridServer.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void a_delivery_sent_twice_is_handled_once() throws Exception {
        tstStudio();
        byte[] body = fixture("task-assignees-added.json");

        assertEquals("{\"received\":1,\"repeats\":0}", deliver(httpPort, body).body());
        Thread.sleep(800);
        assertEquals("{\"received\":1,\"repeats\":1}", deliver(httpPort, body).body());
        Thread.sleep(800);
        shotgridServer.verify(1, postRequestedFor(urlEqualTo("/api/v1/entity/shots/_search")));
    }

    @Test
    void a_batched_delivery_spanning_two_projects_reconciles_both_and_expands_the_group() {
        site.project(155, "TST").project(156, "OTH")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5002, 1213, group(3, "Comp Team"))
                .groupOf(3, "Comp Team", user(7, "Alex Trial"), user(8, "Matthew Testuser"))
                .shot(2001, 156, "OTH_010_0010", "hld", "OTH_010").install();
        console.job(1101, OldToolScenariosTest.ASSETS_ALEX.replace("HybridWork_TST_", "HybridWork_OTH_")).install();

        assertEquals("{\"received\":3,\"repeats\":0}", deliver(httpPort, fixture("batched-three.json")).body());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            resilioServer.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/jobs/1101")));
            resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs"))
                    .withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_TST_010_0010")))
                    .withRequestBody(matchingJsonPath("$.agents[?(@.id == 2)]"))
                    .withRequestBody(matchingJsonPath("$.agents[?(@.id == 3)]")));
        });
    }

    @Test
    void a_shot_retirement_deletes_that_shots_job() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.job(1001, OldToolScenariosTest.recorded(OldToolScenariosTest.SHOT_0010_ALEX))
                .job(1002, OldToolScenariosTest.recorded(OldToolScenariosTest.ASSETS_ALEX))
                .job(1003, OldToolScenariosTest.recorded(OldToolScenariosTest.SHOT_0010_ALEX.replace("TST_010_0010", "TST_010_0020"))).install();

        assertEquals(200, deliver(httpPort, fixture("shot-retirement.json")).statusCode());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> resilioServer.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/jobs/1003"))));
        assertEquals(1, console.writes().size());
    }

    @Test
    void a_new_task_reconciles_its_project() {
        tstStudio();

        assertEquals(200, deliver(httpPort, fixture("task-new.json")).statusCode());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs"))));
    }
}
