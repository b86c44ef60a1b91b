package com.srsync;

import com.srsync.app.LaunchOptions;
import com.srsync.config.ConfigException;
import org.apache.camel.main.Main;

/**
 * Starts the service: Camel Main with the routes of {@code routes/} (or {@code ROUTES_DIR}) and the
 * settings of {@code config/application.properties} (or {@code CONFIG_DIR}) and the environment.
 */
public final class Application {
    private Application() {}

    public static void main(String... args) throws Exception {
        Main main = new Main(Application.class);
        try {
            LaunchOptions.fromEnvironment(System.getenv()).applyTo(main);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(main.run(args));
    }
}
