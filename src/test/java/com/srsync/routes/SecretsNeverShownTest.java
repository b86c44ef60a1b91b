package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real service, started with distinctive secrets: none of them appears in its log or its answers. */
class SecretsNeverShownTest {
    private static final List<String> SECRETS = List.of("sg-key-7f3a9c2e", "hook-secret-51d8", "resilio-tok-9e2b47", "admin-tok-c0ffee");

    @Test
    void no_secret_appears_in_the_log_or_in_any_answer() throws Exception {
        int port = ServiceTestSupport.freePort();
        try (ServiceProcess service = ServiceProcess.start(Map.of("SHOTGRID_URL", "http://127.0.0.1:9", "SHOTGRID_SCRIPT_NAME", "sync",
                "SHOTGRID_API_KEY", SECRETS.get(0), "SECRET_TOKEN", SECRETS.get(1), "RESILIO_URL", "http://127.0.0.1:9",
                "RESILIO_TOKEN", SECRETS.get(2), "ADMIN_TOKEN", SECRETS.get(3), "SAFETY_NET_INITIAL_DELAY_MS", "300",
                "DATA_DIR", Files.createTempDirectory("srsync-secrets-").toString()), port, "secrets-never-shown")) {
            StringBuilder answers = new StringBuilder();
            answers.append(service.send("GET", "/admin/plan?project=155", SECRETS.get(3)).body());
            answers.append(service.send("GET", "/admin/plan?project=155", "wrong").body());
            answers.append(service.send("POST", "/admin/sync", SECRETS.get(3)).body());
            answers.append(service.send("GET", "/admin/dead-letters", SECRETS.get(3)).body());
            answers.append(service.send("GET", "/admin/runs", SECRETS.get(3)).body());
            answers.append(service.send("GET", "/ui", null).body()).append(service.send("GET", "/ui/status.js", null).body());
            await().atMost(Duration.ofSeconds(10)).until(() -> service.send("GET", "/observe/health", null).statusCode() == 503);
            answers.append(service.send("GET", "/observe/health", null).body());
            answers.append(service.send("GET", "/observe/metrics", SECRETS.get(3)).body());
            var unsigned = service.send("POST", "/webhooks/shotgrid", null);
            assertEquals(401, unsigned.statusCode());
            answers.append(unsigned.body()).append(unsigned.headers().map());

            String log = Files.readString(Path.of("target/secrets-never-shown.log"));
            for (String secret : SECRETS) {
                assertFalse(log.contains(secret), "the log shows " + secret);
                assertFalse(answers.toString().contains(secret), "an answer shows " + secret);
            }
        }
    }
}
