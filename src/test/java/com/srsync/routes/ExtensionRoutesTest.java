package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.srsync.routes.WebhookSupport.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.srsync.support.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shipped example extension, and that a failing extension never stops the sync routes. */
class ExtensionRoutesTest extends ServiceTestSupport {
    @RegisterExtension
    static WireMockExtension chat = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Override
    void moreProperties(Properties p) {
        p.put("camel.main.routes-include-pattern", "file:routes/*.yaml,file:routes/examples/shot-on-hold-notify.yaml");
        p.put("sync.debounce.ms", "200");
        p.put("notify.webhook.url", chat.baseUrl() + "/hooks/T000/B000/xyz");
    }

    private byte[] shotPutOnHold() {
        return new String(fixture("shot-status-active.json"), StandardCharsets.UTF_8)
                .replace("\"old_value\": \"wtg\", \"new_value\": \"active\"", "\"old_value\": \"active\", \"new_value\": \"hld\"")
                .replace("\"event_log_entry_id\": 900101", "\"event_log_entry_id\": 990101").getBytes(StandardCharsets.UTF_8);
    }

    private void shotWithArtists() {
        shotWithArtists("TST_010_0010");
    }

    private void shotWithArtists(String code) {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "hld", "TST_010").install();
        console.install();
        shotgridServer.stubFor(post("/api/v1/entity/shots/_search").withRequestBody(matchingJsonPath("$.filters[0][0]", equalTo("id")))
                .willReturn(okJson("{\"data\": [{\"type\": \"Shot\", \"id\": 1213, \"attributes\": {\"code\": \"" + code + "\"}}]}")));
        shotgridServer.stubFor(post("/api/v1/entity/tasks/_search").withRequestBody(matchingJsonPath("$.filters[0][0]", equalTo("entity")))
                .willReturn(okJson("{\"data\": [{\"type\": \"Task\", \"id\": 5001, \"relationships\": {\"task_assignees\": {\"data\": ["
                        + user(8, "Matthew Testuser") + "," + user(7, "Alex Trial") + "]}}}]}")));
    }

    @Test
    void a_shot_put_on_hold_is_announced_with_its_artists() {
        shotWithArtists();
        chat.stubFor(post("/hooks/T000/B000/xyz").willReturn(ok("ok")));

        assertEquals(200, deliver(httpPort, shotPutOnHold()).statusCode());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> chat.verify(1, postRequestedFor(urlEqualTo("/hooks/T000/B000/xyz"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"text\": \"Shot TST_010_0010 is on hold. Assigned: Alex Trial, Matthew Testuser\"}"))));
        chat.verify(0, anyRequestedFor(anyUrl()).withHeader("x-sg-signature", matching(".*")));   // nothing of the webhook leaks out
    }

    @Test
    void what_shotgrid_says_is_escaped_so_a_code_pings_no_channel() {
        shotWithArtists("<!channel> & co");
        chat.stubFor(post("/hooks/T000/B000/xyz").willReturn(ok("ok")));

        assertEquals(200, deliver(httpPort, shotPutOnHold()).statusCode());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> chat.verify(1, postRequestedFor(urlEqualTo("/hooks/T000/B000/xyz"))
                .withRequestBody(equalToJson("{\"text\": \"Shot &lt;!channel&gt; &amp; co is on hold. Assigned: Alex Trial, Matthew Testuser\"}"))));
    }

    @Test
    void a_failing_extension_never_stops_the_sync_routes_nor_shows_the_chat_url() {
        try (LogCapture log = LogCapture.open()) {
            shotWithArtists();
            chat.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));

            assertEquals(200, deliver(httpPort, shotPutOnHold()).statusCode());
            awaitReconciles(1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> chat.verify(1, postRequestedFor(anyUrl())));

            assertEquals(200, deliver(httpPort, fixture("task-assignees-added.json")).statusCode());
            awaitReconciles(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> log.printed().contains("HttpOperationFailedException"));
            assertFalse(log.printed().contains("/hooks/T000/B000/xyz"), log.printed());   // a Slack-style URL's path is its secret
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("/hooks/T000/B000/xyz")));      // ...which Camel did log
        }
    }
}
