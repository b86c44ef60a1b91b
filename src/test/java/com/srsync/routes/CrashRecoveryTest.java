package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.srsync.stubs.ResilioConsole;
import com.srsync.stubs.ShotGridSite;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service killed (SIGKILL, not stopped) in the middle of a reconcile and started again with the
 * same DATA_DIR: the dead letters written before the kill are still listed, and it converges.
 * Runs the real service as a separate JVM.
 */
class CrashRecoveryTest {
    @RegisterExtension
    static WireMockExtension shotgrid = ShotGridSite.server();
    @RegisterExtension
    static WireMockExtension resilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKEN = "admin-token-for-tests";
    private final int port = ServiceTestSupport.freePort();
    private ServiceProcess service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) service.kill();
    }

    @Test
    void a_service_killed_mid_reconcile_keeps_its_dead_letters_and_converges_after_a_restart() throws Exception {
        new ShotGridSite(shotgrid).project(155, "TST")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010").shot(1214, 155, "TST_010_0020", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).task(5002, 1214, user(7, "Alex Trial")).install();
        new ResilioConsole(resilio).install();
        resilio.stubFor(create("HybridWork_TST_TST_010_0010").willReturn(aResponse().withStatus(500).withBody("{\"message\": \"broken\"}")));
        resilio.stubFor(create("HybridWork_TST_TST_010_0020").willReturn(okJson("{\"id\": 3002}").withFixedDelay(60_000)));
        Path dataDir = Files.createTempDirectory("srsync-crash-");
        Path letters = dataDir.resolve("dead-letters");

        service = start(dataDir, "first");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(letters) && list(letters) == 1);
        Thread.sleep(500);                                         // the slow create of TST_010_0020 is in flight
        String firstFailedAt = deadLetters().get(0).path("firstFailedAt").asText();
        service.kill();                                            // SIGKILL: no shutdown hook, no graceful stop
        assertFalse(service.alive());

        resilio.stubFor(create("HybridWork_TST_TST_010_0020").willReturn(okJson("{\"id\": 3002}")));
        service = start(dataDir, "second");
        JsonNode kept = deadLetters();
        assertEquals(1, kept.size());
        assertEquals("HybridWork_TST_TST_010_0010", kept.get(0).path("jobName").asText());
        assertEquals(firstFailedAt, kept.get(0).path("firstFailedAt").asText());

        resilio.stubFor(create("HybridWork_TST_TST_010_0010").willReturn(okJson("{\"id\": 3001}")));    // the console recovers
        assertEquals(202, send("POST", "/admin/dead-letters/replay").statusCode());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(0, deadLetters().size()));
        assertTrue(resilio.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("HybridWork_TST_TST_010_0020")))).size() >= 2);
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder create(String name) {
        return post("/api/v2/jobs").withRequestBody(matchingJsonPath("$.name", equalTo(name)));
    }

    private ServiceProcess start(Path dataDir, String name) throws Exception {
        return ServiceProcess.start(Map.of("SHOTGRID_URL", shotgrid.baseUrl(), "SHOTGRID_SCRIPT_NAME", "resilio_sync",
                "SHOTGRID_API_KEY", "k", "SECRET_TOKEN", WebhookSupport.SECRET, "RESILIO_URL", resilio.baseUrl(), "RESILIO_TOKEN", ResilioConsole.TOKEN,
                "ADMIN_TOKEN", TOKEN, "DATA_DIR", dataDir.toString(), "SAFETY_NET_INITIAL_DELAY_MS", "200",
                "RECONCILE_RETRY_DELAY_MS", "3600000"), port, "crash-recovery-" + name);
    }

    private JsonNode deadLetters() throws Exception {
        return MAPPER.readTree(send("GET", "/admin/dead-letters").body());
    }

    private HttpResponse<String> send(String method, String path) throws java.io.IOException, InterruptedException {
        return service.send(method, path, TOKEN);
    }

    private static long list(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }
}
