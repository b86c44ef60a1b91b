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
            "SHOTGRID_API_KEY", "sg-key", "SECRET_TOKEN", "whsec-123", "RESILIO_URL", "https://console:8446", "RESILIO_TOKEN", "rtok"));

    private ServiceSettings read() {
        return ServiceSettings.from(name -> Optional.ofNullable(env.get(name)));
    }

    @Test
    void the_defaults_of_the_contract_apply() {
        ServiceSettings s = read();
        assertEquals(URI.create("https://studio.shotgrid.autodesk.com"), s.shotgridUrl());
        assertEquals(Path.of("config/artists.yaml"), s.artistsFile());
        assertEquals(Path.of("data"), s.dataDir());
        assertEquals(Set.of("active"), s.activeStatuses());
        assertEquals(0.5, s.deleteGuardFraction());
        assertEquals(5, s.deleteGuardMin());
        assertFalse(s.dryRun());
        assertNull(s.adminToken());
        assertFalse(s.resilioTlsInsecure());
    }

    @Test
    void every_missing_or_wrong_setting_is_named_at_once() {
        env.remove("SHOTGRID_API_KEY");
        env.put("RESILIO_URL", "console:8446");
        env.put("DRY_RUN", "yes");
        env.put("DELETE_GUARD_MIN", "five");

        ConfigException e = assertThrows(ConfigException.class, this::read);

        assertTrue(e.getMessage().contains("- SHOTGRID_API_KEY is required"), e.getMessage());
        assertTrue(e.getMessage().contains("- RESILIO_URL: must be an http(s) URL such as https://host:port, got 'console:8446'"), e.getMessage());
        assertTrue(e.getMessage().contains("- DRY_RUN: must be true or false, got 'yes'"), e.getMessage());
        assertTrue(e.getMessage().contains("- DELETE_GUARD_MIN: must be a number, got 'five'"), e.getMessage());
    }

    @Test
    void the_webhook_secret_may_be_left_out_only_when_unsigned_webhooks_are_allowed() {
        env.remove("SECRET_TOKEN");
        assertTrue(assertThrows(ConfigException.class, this::read).getMessage().contains("SECRET_TOKEN is required"));
        env.put("WEBHOOK_ALLOW_UNSIGNED", "true");
        assertNull(read().webhookSecret());
    }

    @Test
    void secrets_never_show_in_text() {
        ServiceSettings s = read();
        assertFalse(s.toString().contains("sg-key"), s.toString());
        assertFalse(s.toString().contains("rtok"));
        assertFalse(s.toString().contains("whsec-123"));
    }

    @Test
    void active_statuses_and_the_artists_file_follow_their_settings() {
        env.put("ACTIVE_STATUSES", "ip, active ,rev");
        env.put("CONFIG_DIR", "/etc/srsync");
        assertEquals(Set.of("ip", "active", "rev"), read().activeStatuses());
        assertEquals(Path.of("/etc/srsync/artists.yaml"), read().artistsFile());
        assertEquals("shotgrid.script.name", ServiceSettings.propertyKey("SHOTGRID_SCRIPT_NAME"));
    }
}
