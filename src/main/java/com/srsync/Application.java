package com.srsync;

import com.srsync.app.FreePorts;
import java.util.LinkedHashMap;
import java.util.Map;
import com.srsync.app.LaunchOptions;
import com.srsync.app.StartupRefusal;
import com.srsync.app.SyncConfiguration;
import com.srsync.config.ConfigException;
import com.srsync.sandbox.Sandbox;
import org.apache.camel.main.Main;

/**
 * Starts the service: Camel Main with the routes of {@code routes/} (or {@code ROUTES_DIR}) and the
 * settings of {@code config/application.properties} (or {@code CONFIG_DIR}) and the environment.
 * A configuration error ends it with status 2 and a message naming the setting or file, line and key.
 * With {@code SANDBOX=true} it starts next to a simulated ShotGrid and Resilio console instead.
 */
public final class Application {
    static final int CONFIG_ERROR = 2;

    private Application() {}

    public static void main(String... args) {
        int status;
        try {
            status = run(args);
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;                                           // not a hang: the sandbox's simulators must not keep it alive
        }
        System.exit(status);
    }

    static int run(String... args) {
        try {
            // the one configuration class, named: no scan of the classpath for others (it cost most of a second at start)
            Main main = new Main(Application.class, SyncConfiguration.class);
            main.configure().setBasePackageScanEnabled(false);
            LaunchOptions options = LaunchOptions.fromEnvironment(System.getenv());
            options.requireRoutes();
            options.applyTo(main);
            Map<String, Integer> ports = new LinkedHashMap<>(options.listeningPorts());
            if (Sandbox.requested(System.getenv())) ports.putAll(Sandbox.ports(System.getenv()));
            FreePorts.check(ports);                              // a port in use: an error naming it and its setting
            if (Sandbox.requested(System.getenv())) {
                Sandbox sandbox = Sandbox.start(System.getenv(), options.servicePort());
                sandbox.properties().forEach(main::addOverrideProperty);
                main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
                    @Override
                    public void afterStart(org.apache.camel.main.BaseMainSupport m) {
                        System.out.println(sandbox.banner());
                    }
                });
            }
            StartupRefusal refusal = new StartupRefusal(main::completed);   // a setting refused once the service runs: exit 2
            main.bind("startupRefusal", refusal);
            int status = main.run(args);
            if (refusal.refused() == null) return status;
            System.err.println("shotgrid-resilio-sync cannot start: " + refusal.refused());
            return CONFIG_ERROR;
        } catch (Exception e) {
            ConfigException config = configError(e);
            if (config == null) throw new IllegalStateException("start-up failed", e);
            System.err.println("shotgrid-resilio-sync cannot start: " + config.getMessage());
            return CONFIG_ERROR;
        }
    }

    private static ConfigException configError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException c) return c;
        }
        return null;
    }
}
