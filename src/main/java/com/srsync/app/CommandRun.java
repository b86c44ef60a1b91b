package com.srsync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.setup.CheckReport;
import com.srsync.setup.CommandLine;
import com.srsync.setup.HookSetup;
import com.srsync.setup.SetupWebhooks;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * {@code check} and {@code webhooks}: the service's settings and beans with only the call routes
 * ({@code shotgrid.yaml}, {@code resilio.yaml}, {@code setup.yaml}) and none of their timers, no HTTP server, no
 * leader election, the service's state kept in a temporary folder; the command's route runs once, its answer is
 * printed, and Camel stops.
 */
public final class CommandRun {
    private static final String[] ROUTE_FILES = {"shotgrid.yaml", "resilio.yaml", "setup.yaml"};

    private final CommandLine line;
    private final PrintStream out;

    public CommandRun(CommandLine line, PrintStream out) {
        this.line = line;
        this.out = out;
    }

    /** Sets Camel Main up for the command (after the launch options, which it narrows). */
    public void prepare(Main main, LaunchOptions options, Path dataDir) {
        StringBuilder routes = new StringBuilder();
        for (String f : ROUTE_FILES) routes.append(routes.length() == 0 ? "" : ",").append("file:").append(options.routesDir()).append('/').append(f);
        main.addOverrideProperty("camel.main.routes-include-pattern", routes.toString());
        main.addOverrideProperty("camel.server.enabled", "false");
        main.addOverrideProperty("camel.management.enabled", "false");
        main.addOverrideProperty("routes.reload.enabled", "false");
        main.addOverrideProperty("leader.election", "none");                 // a command never contends for the lead
        main.addOverrideProperty(SyncConfiguration.COMMAND, line.command().name().toLowerCase(java.util.Locale.ROOT));
        main.addOverrideProperty(SyncConfiguration.COMMAND_DATA_DIR, dataDir.toString());
    }

    /** Runs Camel until the command's answer is printed; its exit status. */
    public int run(Main main) throws Exception {
        AtomicInteger status = new AtomicInteger(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport m) {
                try {
                    status.set(answer(m.getCamelContext()));
                } catch (Exception e) {
                    failure.set(e);
                } finally {
                    main.completed();
                }
            }
        });
        main.run();
        if (failure.get() != null) throw failure.get();
        return status.get();
    }

    private int answer(CamelContext context) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        var template = context.createProducerTemplate();
        if (line.command() == CommandLine.Command.CHECK) {
            Exchange done = template.send("direct:check", e -> { });
            if (done.getException() != null) throw done.getException();
            CheckReport report = done.getMessage().getBody(CheckReport.class);
            out.print(line.json() ? report.json(mapper) + "\n" : report.text());
            return report.exitStatus();
        }
        Exchange done = template.send("direct:webhooks", e -> e.setVariable("apply", line.apply()));
        if (done.getException() != null) throw done.getException();
        HookSetup setup = done.getMessage().getBody(HookSetup.class);
        SetupWebhooks webhooks = context.getRegistry().findSingleByType(SetupWebhooks.class);
        out.print(line.json() ? webhooks.json(setup) + "\n" : webhooks.text(setup));
        return webhooks.exitStatus(setup);
    }

    /** Only errors in the log: a command's output is its lines, on standard output. */
    public static void quiet() {
        org.apache.logging.log4j.core.config.Configurator.setAllLevels(org.apache.logging.log4j.LogManager.ROOT_LOGGER_NAME,
                org.apache.logging.log4j.Level.ERROR);
    }

    /** Removes the command's temporary folder; says so if it cannot. */
    public static void removeAll(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("(the temporary folder " + dir + " could not be removed: " + e.getMessage() + ")");
        }
    }
}
