package com.srsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {
    private final Map<String, String> env = new HashMap<>(Map.of(
            "SHOTGRID_URL", "https://studio.shotgrid.autodesk.com/", "SHOTGRID_SCRIPT_NAME", "resilio_sync",
            "SHOTGRID_API_KEY", "sg-key", "SECRET_TOKEN", "whsec-1234567890abcdef", "RESILIO_URL", "https://console:8446", "RESILIO_TOKEN", "rtok"));

    private ServiceSettings read() {
        return ServiceSettings.from(name -> Optional.ofNullable(env.get(name)));
    }

    @Test
    void the_defaults_of_the_contract_apply() {
        ServiceSettings s = read();
        assertEquals(URI.create("https://studio.shotgrid.autodesk.com"), s.shotgrid().url());
        assertEquals(Path.of("config/artists.yaml"), s.artistsFile());
        assertEquals(Path.of("data"), s.dataDir());
        assertEquals(Set.of("active"), s.reconcile().activeStatuses());
        assertEquals(0.5, s.reconcile().deleteGuardFraction());
        assertEquals(5, s.reconcile().deleteGuardMin());
        assertFalse(s.dryRun());
        assertNull(s.adminToken());
        assertFalse(s.console().tlsInsecure());
        assertEquals(java.time.Duration.ofSeconds(10), s.console().jobsReuse());
        assertEquals(Set.of("ip", "rev"), s.reconcile().activeAssetStatuses());
        assertEquals(java.time.Duration.ofSeconds(10), s.reconcile().retryDelay());
        assertEquals(java.time.Duration.ofMinutes(1), s.reconcile().retryMaxDelay());
        assertEquals(java.time.Duration.ofMinutes(10), s.reconcile().failingAfter());
        assertNull(s.shotgrid().deliveryField());
        assertNull(s.webhooks().publicUrl());
    }

    @Test
    void the_delivery_field_must_be_a_custom_field_of_the_studios_own_named_by_its_setting() {
        for (String wrong : new String[] {"description", "code", "sg_status_list", "sg_sequence", "Sg_Resilio", "sg_", "sg_cut_in"}) {
            env.put("SHOTGRID_DELIVERY_FIELD", wrong);
            String message = assertThrows(ConfigException.class, this::read, wrong).getMessage();
            assertTrue(message.contains("- SHOTGRID_DELIVERY_FIELD: "), message);
        }
        env.put("SHOTGRID_DELIVERY_FIELD", "sg_resilio_delivery");
        assertEquals("sg_resilio_delivery", read().shotgrid().deliveryField());
    }

    @Test
    void the_old_retry_limit_is_a_warning_not_an_error() {
        env.put("RECONCILE_RETRY_MAX", "5");
        assertTrue(read().warnings().get(0).startsWith("RECONCILE_RETRY_MAX is no longer used"), read().warnings().toString());
    }

    @Test
    void every_missing_or_wrong_setting_is_named_at_once() {
        env.remove("SHOTGRID_API_KEY");
        env.put("RESILIO_URL", "console:8446");
        env.put("DRY_RUN", "yes");
        env.put("DELETE_GUARD_MIN", "five");
        env.put("RESILIO_JOBS_REUSE_MS", "-1");

        ConfigException e = assertThrows(ConfigException.class, this::read);

        assertTrue(e.getMessage().contains("- SHOTGRID_API_KEY is required"), e.getMessage());
        assertTrue(e.getMessage().contains("- RESILIO_URL: must be an http(s) URL such as https://host:port, got 'console:8446'"), e.getMessage());
        assertTrue(e.getMessage().contains("- DRY_RUN: must be true or false, got 'yes'"), e.getMessage());
        assertTrue(e.getMessage().contains("- DELETE_GUARD_MIN: must be a number, got 'five'"), e.getMessage());
        assertTrue(e.getMessage().contains("- RESILIO_JOBS_REUSE_MS: must be a whole number of milliseconds, 0 or more, got '-1'"), e.getMessage());
    }

    @Test
    void the_webhook_secret_may_be_left_out_only_when_unsigned_webhooks_are_allowed() {
        env.remove("SECRET_TOKEN");
        assertTrue(assertThrows(ConfigException.class, this::read).getMessage().contains("SECRET_TOKEN is required"));
        env.put("WEBHOOK_ALLOW_UNSIGNED", "true");
        assertNull(read().webhooks().secret());
    }

    @Test
    void secrets_never_show_in_text() {
        ServiceSettings s = read();
        assertFalse(s.toString().contains("sg-key"), s.toString());
        assertFalse(s.toString().contains("rtok"));
        assertFalse(s.toString().contains("whsec-1234567890abcdef"));
    }

    @Test
    void active_statuses_and_the_artists_file_follow_their_settings() {
        env.put("ACTIVE_STATUSES", "ip, active ,rev");
        env.put("CONFIG_DIR", "/etc/srsync");
        assertEquals(Set.of("ip", "active", "rev"), read().reconcile().activeStatuses());
        assertEquals(Path.of("/etc/srsync/artists.yaml"), read().artistsFile());
        assertEquals("shotgrid.script.name", ServiceSettings.propertyKey("SHOTGRID_SCRIPT_NAME"));
    }

    @Test
    void short_webhook_secrets_and_admin_tokens_are_refused_by_name() {
        env.put("SECRET_TOKEN", "s3cret");
        env.put("ADMIN_TOKEN", "admin");
        String message = assertThrows(ConfigException.class, this::read).getMessage();
        assertTrue(message.contains("- SECRET_TOKEN: must be at least 16 characters long, got 6"), message);
        assertTrue(message.contains("- ADMIN_TOKEN: must be at least 16 characters long, got 5"), message);
        assertFalse(message.contains("s3cret"), message);
    }

    @Test
    void the_sandbox_keeps_its_fixed_demo_tokens() {
        env.put("SANDBOX", "true");
        env.put("ADMIN_TOKEN", "sandbox");
        assertEquals("sandbox", read().adminToken().reveal());
    }

    @Test
    void switching_tls_checks_off_while_giving_a_ca_certificate_is_a_conflict() throws Exception {
        Path ca = java.nio.file.Files.createTempFile("console-ca", ".pem");
        env.put("RESILIO_CA_CERT", ca.toString());
        env.put("RESILIO_TLS_INSECURE", "true");
        String message = assertThrows(ConfigException.class, this::read).getMessage();
        assertTrue(message.contains("- RESILIO_TLS_INSECURE and RESILIO_CA_CERT conflict"), message);
    }

    @Test
    void a_url_with_a_user_and_password_is_refused_without_showing_them() {
        env.put("RESILIO_URL", "https://admin:hunter2hunter2@console:8446");
        env.put("SHOTGRID_URL", "https://bot:pa ss@studio");
        env.put("NOTIFY_WEBHOOK_URL", "not a url /services/T0/B0/XYZsecret");
        String message = assertThrows(ConfigException.class, this::read).getMessage();
        assertTrue(message.contains("- RESILIO_URL: must not carry a user name or password"), message);
        assertTrue(message.contains("- SHOTGRID_URL: must be an http(s) URL such as https://host:port (the value is not shown"), message);
        assertTrue(message.contains("- NOTIFY_WEBHOOK_URL: must be an http(s) URL"), message);
        for (String secret : new String[] {"hunter2", "pa ss", "XYZsecret"}) assertFalse(message.contains(secret), message);
    }

    @Test
    void plain_http_to_another_machine_is_a_warning_and_to_this_one_is_not() {
        env.put("RESILIO_URL", "http://console.studio.lan:8446");
        env.put("SHOTGRID_URL", "http://127.0.0.1:8091");
        assertEquals(java.util.List.of("RESILIO_URL uses plain http to console.studio.lan: RESILIO_TOKEN travels unencrypted; use https"),
                read().warnings());
        env.put("RESILIO_URL", "http://localhost:8446");
        assertEquals(java.util.List.of(), read().warnings());
    }

    @Test
    void the_chat_url_is_a_secret() {
        env.put("NOTIFY_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/XXXXsecret");
        ServiceSettings s = read();
        assertEquals("https://hooks.slack.com/services/T000/B000/XXXXsecret", s.notifyWebhookUrl().reveal());
        assertFalse(s.toString().contains("XXXXsecret"), s.toString());
    }
}
