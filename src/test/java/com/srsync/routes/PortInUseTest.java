package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A port in use, or a missing route folder, stops start-up with a message naming the setting, not
 * "Address already in use" or "NoSuchFileException" from deep inside - and the process ends.
 */
class PortInUseTest {
    /** Starts the real service in the sandbox with these settings; returns its exit status and what it printed. */
    private static String[] run(Map<String, String> settings) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.srsync.Application");
        pb.environment().keySet().removeIf(k -> k.matches("(SHOTGRID|RESILIO|SANDBOX|ADMIN|DATA|HTTP|MANAGEMENT|ROUTES|CONFIG)_.*|SECRET_TOKEN"));
        pb.environment().put("SANDBOX", "true");
        pb.environment().putAll(settings);
        pb.directory(new File(System.getProperty("user.dir"))).redirectErrorStream(true);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the service did not stop");
        return new String[] {String.valueOf(p.exitValue()), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)};
    }

    @Test
    void a_simulators_port_in_use_is_named_with_its_setting() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            String[] out = run(Map.of("HTTP_PORT", String.valueOf(ServiceTestSupport.freePort()), "SANDBOX_SHOTGRID_PORT", String.valueOf(port),
                    "SANDBOX_RESILIO_PORT", String.valueOf(ServiceTestSupport.freePort())));

            assertEquals("2", out[0], out[1]);
            assertTrue(out[1].contains("cannot start: SANDBOX_SHOTGRID_PORT: port " + port + " is in use"), out[1]);
            assertTrue(!out[1].contains("BindException") && !out[1].contains("\tat "), out[1]);
        }
    }

    @Test
    void the_service_port_in_use_is_named_with_its_setting() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            String[] out = run(Map.of("HTTP_PORT", String.valueOf(port), "SANDBOX_SHOTGRID_PORT", String.valueOf(ServiceTestSupport.freePort()),
                    "SANDBOX_RESILIO_PORT", String.valueOf(ServiceTestSupport.freePort())));

            assertEquals("2", out[0], out[1]);
            assertTrue(out[1].contains("cannot start: HTTP_PORT: port " + port + " is in use"), out[1]);
        }
    }

    @Test
    void a_missing_route_folder_is_named_and_the_sandbox_does_not_keep_the_process_alive() throws Exception {
        String[] out = run(Map.of("HTTP_PORT", String.valueOf(ServiceTestSupport.freePort()), "ROUTES_DIR", "no-such-routes",
                "SANDBOX_SHOTGRID_PORT", String.valueOf(ServiceTestSupport.freePort()),
                "SANDBOX_RESILIO_PORT", String.valueOf(ServiceTestSupport.freePort())));

        assertEquals("2", out[0], out[1]);
        assertTrue(out[1].contains("cannot start: ROUTES_DIR: no folder "), out[1]);
        assertTrue(!out[1].contains("\tat "), out[1]);
    }

    @Test
    void an_admin_route_without_the_admin_guard_stops_start_up_naming_its_file_and_route() throws Exception {
        Path routes = Files.createTempDirectory("srsync-unguarded-routes-");
        try (var shipped = Files.list(Path.of("routes"))) {
            for (Path f : shipped.filter(f -> f.toString().endsWith(".yaml")).toList()) Files.copy(f, routes.resolve(f.getFileName()));
        }
        Files.copy(Path.of("src/test/resources/routes-extra/admin-unguarded.yaml"), routes.resolve("mine.yaml"));
        String[] out = run(Map.of("HTTP_PORT", String.valueOf(ServiceTestSupport.freePort()), "ROUTES_DIR", routes.toString(),
                "SANDBOX_SHOTGRID_PORT", String.valueOf(ServiceTestSupport.freePort()),
                "SANDBOX_RESILIO_PORT", String.valueOf(ServiceTestSupport.freePort())));

        assertEquals("2", out[0], out[1]);
        assertTrue(out[1].contains("mine.yaml: route 'admin-unnamed-by-an-integrator' serves /admin/unnamed without the admin guard"),
                out[1]);
    }

    @Test
    void a_delivery_field_the_sites_schema_does_not_have_stops_start_up_naming_the_setting() throws Exception {
        String[] out = run(Map.of("HTTP_PORT", String.valueOf(ServiceTestSupport.freePort()), "SHOTGRID_DELIVERY_FIELD", "sg_resilio_summary",
                "SANDBOX_SHOTGRID_PORT", String.valueOf(ServiceTestSupport.freePort()),
                "SANDBOX_RESILIO_PORT", String.valueOf(ServiceTestSupport.freePort())));

        assertEquals("2", out[0], out[1]);
        assertTrue(out[1].contains("cannot start: SHOTGRID_DELIVERY_FIELD: Shot.sg_resilio_summary does not exist on the site"), out[1]);
    }

    @Test
    void a_start_that_fails_otherwise_ends_the_process_too() throws Exception {
        Path routes = Files.createTempDirectory("srsync-broken-routes-");
        Files.writeString(routes.resolve("broken.yaml"), "- route:\n    from: [\n");
        String[] out = run(Map.of("HTTP_PORT", String.valueOf(ServiceTestSupport.freePort()), "ROUTES_DIR", routes.toString(),
                "SANDBOX_SHOTGRID_PORT", String.valueOf(ServiceTestSupport.freePort()),
                "SANDBOX_RESILIO_PORT", String.valueOf(ServiceTestSupport.freePort())));

        assertEquals("1", out[0], out[1]);                 // run() waited for the process to end: the simulators did not keep it alive
    }
}
