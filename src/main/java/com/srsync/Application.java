package com.srsync;

import com.srsync.app.CommandRun;
import com.srsync.app.FreePorts;
import com.srsync.app.LaunchOptions;
import com.srsync.app.StartupRefusal;
import com.srsync.app.SyncConfiguration;
import com.srsync.config.ConfigException;
import com.srsync.sandbox.Sandbox;
import com.srsync.setup.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.main.Main;

/**
 * Starts the service: Camel Main with the routes of {@code routes/} (or {@code ROUTES_DIR}) and the
 * settings of {@code config/application.properties} (or {@code CONFIG_DIR}) and the environment.
 * A configuration error ends it with status 2 and a message naming the setting or file, line and key.
 * With {@code SANDBOX=true} it starts next to a simulated ShotGrid and Resilio console instead. The commands
 * {@code check} and {@code webhooks} run once and end ({@link CommandLine}); any other argument is an error (2).
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
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            System.err.println("shotgrid-resilio-sync: " + e.getMessage() + "\n\n" + CommandLine.usage());
            return CONFIG_ERROR;
        }
        if (line.command() == CommandLine.Command.HELP) {
            System.out.println(CommandLine.usage());
            return 0;
        }
        return launch(line);
    }

    /** The service, or one command (check, webhooks) on the service's settings; next to the sandbox when asked. */
    private static int launch(CommandLine line) {
        boolean serve = line.command() == CommandLine.Command.SERVE;
        Path commandDir = null;
        try {
            // the one configuration class, named: no scan of the classpath for others (it cost most of a second at start)
            Main main = new Main(Application.class, SyncConfiguration.class);
            main.configure().setBasePackageScanEnabled(false);
            LaunchOptions options = LaunchOptions.fromEnvironment(System.getenv());
            options.requireRoutes();
            options.applyTo(main);
            CommandRun command = serve ? null : new CommandRun(line, System.out);
            if (command != null) {
                CommandRun.quiet();
                commandDir = Files.createTempDirectory("srsync-command-");
                command.prepare(main, options, commandDir);
            }
            Map<String, Integer> ports = new LinkedHashMap<>(serve ? options.listeningPorts() : Map.of());
            if (Sandbox.requested(System.getenv())) ports.putAll(Sandbox.ports(System.getenv()));
            FreePorts.check(ports);                              // a port in use: an error naming it and its setting
            Sandbox sandbox = sandbox(main, options, commandDir, serve);
            if (command == null) return serve(main);
            try {
                return command.run(main);
            } finally {
                if (sandbox != null) sandbox.stop();
            }
        } catch (Exception e) {
            ConfigException config = configError(e);
            if (config == null) throw new IllegalStateException((serve ? "start-up" : "the command") + " failed", e);
            System.err.println("shotgrid-resilio-sync cannot " + (serve ? "start" : "run "
                    + line.command().name().toLowerCase(java.util.Locale.ROOT)) + ": " + config.getMessage());
            return CONFIG_ERROR;
        } finally {
            if (commandDir != null) CommandRun.removeAll(commandDir);
        }
    }

    /** With SANDBOX=true: the simulated sites started and the service pointed at them (a command's copy of artists.yaml in its folder). */
    private static Sandbox sandbox(Main main, LaunchOptions options, Path commandDir, boolean serve) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        if (commandDir != null) env.put("DATA_DIR", commandDir.toString());
        if (!Sandbox.requested(env)) return null;
        Sandbox sandbox = Sandbox.start(env, options.servicePort());
        sandbox.properties().forEach(main::addOverrideProperty);
        if (serve) {
            main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
                @Override
                public void afterStart(org.apache.camel.main.BaseMainSupport m) {
                    System.out.println(sandbox.banner());
                }
            });
        }
        return sandbox;
    }

    /** Runs the service until it is stopped; a setting refused once it runs ends it with exit 2. */
    private static int serve(Main main) throws Exception {
        StartupRefusal refusal = new StartupRefusal(main::completed);
        main.bind("startupRefusal", refusal);
        int status = main.run(new String[0]);
        if (refusal.refused() == null) return status;
        System.err.println("shotgrid-resilio-sync cannot start: " + refusal.refused());
        return CONFIG_ERROR;
    }

    private static ConfigException configError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException c) return c;
        }
        return null;
    }
}
