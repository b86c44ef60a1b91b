package com.srsync.app;

import com.srsync.config.ConfigException;
import com.srsync.http.ProxySettings;
import java.util.Map;
import org.apache.camel.main.Main;

/**
 * What must be settled before Camel starts: where the routes and the configuration file are, the
 * HTTP and management ports, and the proxy of outbound calls. Ports are handed to Camel as literals ({@code camel.server.port} must not
 * be a placeholder); health and metrics share the HTTP port unless MANAGEMENT_PORT is set.
 */
public record LaunchOptions(String routesDir, String configDir, String httpPort, String managementPort, Map<String, String> proxy) {

    public static LaunchOptions fromEnvironment(Map<String, String> env) {
        return new LaunchOptions(
                env.getOrDefault("ROUTES_DIR", "routes"),
                env.getOrDefault("CONFIG_DIR", "config"),
                env.get("HTTP_PORT"),
                env.get("MANAGEMENT_PORT"),
                ProxySettings.componentProperties(env));
    }

    /** The route folder must be there: without it Camel fails deep inside its start with a bare "NoSuchFileException: routes". */
    public void requireRoutes() {
        if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(routesDir))) {
            throw new com.srsync.config.ConfigException("ROUTES_DIR: no folder " + java.nio.file.Path.of(routesDir).toAbsolutePath()
                    + "; start the service in the folder that holds routes/ and config/, or set ROUTES_DIR and CONFIG_DIR");
        }
    }

    public void applyTo(Main main) {
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + routesDir + "/*.yaml");
        main.addOverrideProperty("routes.dir", routesDir);                  // watched for edits: com.srsync.routefiles
        main.addOverrideProperty("camel.main.file-configurations", configDir + "/application.properties");
        String http = port("HTTP_PORT", httpPort, "8080");
        main.addOverrideProperty("camel.server.port", http);
        main.addOverrideProperty("camel.management.port", port("MANAGEMENT_PORT", managementPort, http));
        // health details only on a separate management port; the public port's health is routes/observe.yaml
        boolean separate = managementPort != null && !managementPort.isBlank();
        main.addOverrideProperty("camel.management.health-check-enabled", String.valueOf(separate));
        main.addOverrideProperty("observe.public.health", String.valueOf(!separate));
        // metrics: Camel's endpoint on a separate management port; on the public port routes/observe.yaml, behind the admin token
        main.addOverrideProperty("camel.management.metrics-enabled", String.valueOf(separate));
        proxy.forEach(main::addOverrideProperty);   // HTTPS_PROXY, HTTP_PROXY, NO_PROXY as camel-http's proxy options
    }

    /** The ports the service will listen on, by the setting that chose each (MANAGEMENT_PORT only when set). */
    public Map<String, Integer> listeningPorts() {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put("HTTP_PORT", servicePort());
        if (managementPort != null && !managementPort.isBlank()) ports.put("MANAGEMENT_PORT", Integer.parseInt(port("MANAGEMENT_PORT", managementPort, "0")));
        return ports;
    }

    /** The port webhooks reach the service on. */
    public int servicePort() {
        return Integer.parseInt(port("HTTP_PORT", httpPort, "8080"));
    }

    private static String port(String name, String value, String fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) throw new NumberFormatException();
            return String.valueOf(port);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + ": must be a port number from 1 to 65535, got '" + value + "'");
        }
    }
}
