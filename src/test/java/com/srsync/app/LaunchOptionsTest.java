package com.srsync.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.srsync.config.ConfigException;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    private static Map<Object, Object> applied(Map<String, String> env) {
        Main main = new Main();
        LaunchOptions.fromEnvironment(env).applyTo(main);
        return main.getOverrideProperties();
    }

    @Test
    void health_and_metrics_share_the_http_port_unless_a_management_port_is_set() {
        Map<Object, Object> shared = applied(Map.of("HTTP_PORT", "9090"));
        assertEquals("9090", shared.get("camel.server.port"));
        assertEquals("9090", shared.get("camel.management.port"));

        Map<Object, Object> separate = applied(Map.of("HTTP_PORT", "9090", "MANAGEMENT_PORT", "9091"));
        assertEquals("9090", separate.get("camel.server.port"));
        assertEquals("9091", separate.get("camel.management.port"));
        assertEquals("8080", applied(Map.of()).get("camel.server.port"));
    }

    @Test
    void health_details_are_served_by_camel_only_on_a_separate_management_port() {
        Map<Object, Object> shared = applied(Map.of("HTTP_PORT", "9090"));
        assertEquals("false", shared.get("camel.management.health-check-enabled"));
        assertEquals("true", shared.get("observe.public.health"));
        Map<Object, Object> separate = applied(Map.of("HTTP_PORT", "9090", "MANAGEMENT_PORT", "9091"));
        assertEquals("true", separate.get("camel.management.health-check-enabled"));
        assertEquals("false", separate.get("observe.public.health"));
    }

    @Test
    void routes_and_configuration_come_from_their_folders() {
        Map<Object, Object> p = applied(Map.of("ROUTES_DIR", "/srv/routes", "CONFIG_DIR", "/srv/config"));
        assertEquals("file:/srv/routes/*.yaml", p.get("camel.main.routes-include-pattern"));
        assertEquals("/srv/routes", p.get("routes.dir"));
        assertEquals("/srv/config/application.properties", p.get("camel.main.file-configurations"));
    }

    @Test
    void a_port_that_is_not_a_port_is_refused_naming_the_setting() {
        assertEquals("HTTP_PORT: must be a port number from 1 to 65535, got 'eighty'",
                assertThrows(ConfigException.class, () -> applied(Map.of("HTTP_PORT", "eighty"))).getMessage());
        assertEquals("MANAGEMENT_PORT: must be a port number from 1 to 65535, got '70000'",
                assertThrows(ConfigException.class, () -> applied(Map.of("MANAGEMENT_PORT", "70000"))).getMessage());
    }
}
