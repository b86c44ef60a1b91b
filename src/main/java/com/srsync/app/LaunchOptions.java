package com.srsync.app;

import com.srsync.config.ConfigException;
import java.util.Map;
import org.apache.camel.main.Main;

/**
 * What must be settled before Camel starts: where the routes and the configuration file are, and the
 * HTTP port. The port is handed to Camel as a literal ({@code camel.server.port} must not be a placeholder).
 */
public record LaunchOptions(String routesDir, String configDir, String httpPort) {

    public static LaunchOptions fromEnvironment(Map<String, String> env) {
        return new LaunchOptions(
                env.getOrDefault("ROUTES_DIR", "routes"),
                env.getOrDefault("CONFIG_DIR", "config"),
                env.get("HTTP_PORT"));
    }

    public void applyTo(Main main) {
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + routesDir + "/*.yaml");
        main.addOverrideProperty("camel.main.routes-reload-directory", routesDir);
        main.addOverrideProperty("camel.main.file-configurations", configDir + "/application.properties");
        if (httpPort != null && !httpPort.isBlank()) {
            try {
                int port = Integer.parseInt(httpPort.trim());
                if (port < 1 || port > 65535) throw new NumberFormatException();
                main.addOverrideProperty("camel.server.port", String.valueOf(port));
            } catch (NumberFormatException e) {
                throw new ConfigException("HTTP_PORT: must be a port number from 1 to 65535, got '" + httpPort + "'");
            }
        }
    }
}
