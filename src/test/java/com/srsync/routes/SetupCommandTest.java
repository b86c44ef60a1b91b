package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The service's commands as a user runs them: {@code --help}, a typo (exit 2, never Camel's option list), {@code check}
 * on the sandbox and against a running sandbox's simulated sites set by hand, and {@code webhooks}.
 */
class SetupCommandTest {
    @Test
    void help_says_the_commands_and_anything_else_is_an_error_with_exit_2() throws Exception {
        CommandProcess help = CommandProcess.run(Map.of(), "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("check [--json]") && help.out().contains("webhooks --apply"), help.out());

        CommandProcess typo = CommandProcess.run(Map.of(), "chek");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().startsWith("shotgrid-resilio-sync: unknown command 'chek'"), typo.err());
        assertTrue(typo.err().contains("usage: java -jar shotgrid-resilio-sync.jar [command]"), typo.err());
    }

    @Test
    void the_sandbox_passes_check_with_exit_0() throws Exception {
        CommandProcess check = CommandProcess.run(sandboxPorts(), "check");
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(check.out().endsWith("Every required check passed.\n"), check.out());
        assertTrue(check.out().contains("[ok] paths     TST (project 155): shot TST_010_0010 -> studio storage"), check.out());
    }

    @Test
    void check_and_webhooks_against_a_running_sandbox_set_by_hand_and_a_wrong_resilio_token_is_one_line() throws Exception {
        Map<String, String> ports = sandboxPorts();
        int servicePort = ServiceTestSupport.freePort();
        Map<String, String> sandbox = new TreeMap<>(ports);
        sandbox.put("DATA_DIR", Files.createTempDirectory("srsync-sandbox-").toString());
        try (ServiceProcess service = ServiceProcess.start(sandbox, servicePort, "sandbox-for-check")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> service.send("GET", "/observe/health", null).statusCode() == 200);
            Map<String, String> byHand = new TreeMap<>(Map.of(
                    "SHOTGRID_URL", "http://localhost:" + ports.get("SANDBOX_SHOTGRID_PORT"), "SHOTGRID_SCRIPT_NAME", "sandbox",
                    "SHOTGRID_API_KEY", "sandbox-api-key", "SECRET_TOKEN", "sandbox-webhook-secret",
                    "RESILIO_URL", "http://localhost:" + ports.get("SANDBOX_RESILIO_PORT"), "RESILIO_TOKEN", "sandbox-resilio-token",
                    "PUBLIC_URL", "http://localhost:" + servicePort, "DATA_DIR", Files.createTempDirectory("srsync-check-").toString()));

            CommandProcess check = CommandProcess.run(byHand, "check");
            assertEquals(0, check.exit(), check.out() + check.err());

            CommandProcess webhooks = CommandProcess.run(byHand, "webhooks");
            assertEquals(0, webhooks.exit(), webhooks.out() + webhooks.err());
            assertTrue(webhooks.out().contains("[ok]      Task: hook "), webhooks.out());

            byHand.put("RESILIO_TOKEN", "a-token-the-console-never-issued");
            CommandProcess refused = CommandProcess.run(byHand, "check");
            assertEquals(1, refused.exit(), refused.out());
            List<String> failed = refused.out().lines().filter(l -> l.startsWith("[FAILED]")).toList();
            assertEquals(1, failed.size(), refused.out());
            assertTrue(failed.get(0).contains("refused RESILIO_TOKEN (401)"), failed.get(0));
        }
    }

    @Test
    void webhooks_without_public_url_is_a_setting_error_naming_it() throws Exception {
        Map<String, String> settings = Map.of("SHOTGRID_URL", "http://localhost:1", "SHOTGRID_SCRIPT_NAME", "s", "SHOTGRID_API_KEY", "k",
                "SECRET_TOKEN", "a-webhook-secret-of-length", "RESILIO_URL", "http://localhost:1", "RESILIO_TOKEN", "t");
        CommandProcess webhooks = CommandProcess.run(settings, "webhooks");
        assertEquals(2, webhooks.exit(), webhooks.out() + webhooks.err());
        assertTrue(webhooks.err().contains("PUBLIC_URL: not set"), webhooks.err());
    }

    private static Map<String, String> sandboxPorts() {
        return new TreeMap<>(Map.of("SANDBOX", "true", "SANDBOX_SHOTGRID_PORT", String.valueOf(ServiceTestSupport.freePort()),
                "SANDBOX_RESILIO_PORT", String.valueOf(ServiceTestSupport.freePort())));
    }
}
