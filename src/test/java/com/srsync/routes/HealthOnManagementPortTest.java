package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With MANAGEMENT_PORT, health and its details are there, and the public port has no /observe at all. */
class HealthOnManagementPortTest {
    @Test
    void details_are_on_the_management_port_and_the_public_port_shows_no_health() throws Exception {
        int port = ServiceTestSupport.freePort();
        int management = ServiceTestSupport.freePort();
        try (ServiceProcess service = ServiceProcess.start(Map.of("SHOTGRID_URL", "http://127.0.0.1:9", "SHOTGRID_SCRIPT_NAME", "sync",
                "SHOTGRID_API_KEY", "sg-api-key-for-tests", "SECRET_TOKEN", WebhookSupport.SECRET, "RESILIO_URL", "http://127.0.0.1:9",
                "RESILIO_TOKEN", "resilio-token-for-tests", "SAFETY_NET_INITIAL_DELAY_MS", "300", "MANAGEMENT_PORT", String.valueOf(management),
                "DATA_DIR", Files.createTempDirectory("srsync-management-").toString()), port, "health-on-management-port")) {
            String health = "http://localhost:" + management + "/observe/health";
            await().atMost(Duration.ofSeconds(15)).until(() -> service.send("GET", health, null).statusCode() == 503);
            String details = service.send("GET", health, null).body();
            assertTrue(details.contains("connection refused"), details);          // the ShotGrid check says why

            assertEquals(404, service.send("GET", "/observe/health", null).statusCode());
            assertEquals(404, service.send("GET", "/observe/metrics", null).statusCode());
            assertEquals(200, service.send("GET", "http://localhost:" + management + "/observe/metrics", null).statusCode());
        }
    }
}
