package com.srsync.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the two simulators next to the service and says how the service reaches them. With
 * {@code SANDBOX=true} the launcher calls {@link #start} before Camel starts.
 */
public final class Sandbox {
    private static final String SECRET = "sandbox-webhook-secret";
    public static final String ADMIN_TOKEN = "sandbox-admin-token";   // long and unusual: the log masks it, and no common word

    private final SimulatedShotGrid shotgrid;
    private final SimulatedConsole console;
    private final int servicePort;
    private final Path artistsCopy;

    private Sandbox(SimulatedShotGrid shotgrid, SimulatedConsole console, int servicePort, Path artistsCopy) {
        this.shotgrid = shotgrid;
        this.console = console;
        this.servicePort = servicePort;
        this.artistsCopy = artistsCopy;
    }

    public static boolean requested(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.get("SANDBOX"));
    }

    /** The simulators' ports by their settings: SANDBOX_SHOTGRID_PORT (8091) and SANDBOX_RESILIO_PORT (8092). */
    public static Map<String, Integer> ports(Map<String, String> env) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("SANDBOX_SHOTGRID_PORT", Integer.parseInt(env.getOrDefault("SANDBOX_SHOTGRID_PORT", "8091").trim()));
        ports.put("SANDBOX_RESILIO_PORT", Integer.parseInt(env.getOrDefault("SANDBOX_RESILIO_PORT", "8092").trim()));
        return ports;
    }

    /** Starts the simulated ShotGrid (SANDBOX_SHOTGRID_PORT, 8091) and console (SANDBOX_RESILIO_PORT, 8092). */
    public static Sandbox start(Map<String, String> env, int servicePort) throws IOException {
        int sgPort = ports(env).get("SANDBOX_SHOTGRID_PORT");
        int consolePort = ports(env).get("SANDBOX_RESILIO_PORT");
        SimulatedShotGrid shotgrid = new SimulatedShotGrid(new SandboxStudio(), sgPort,
                URI.create("http://127.0.0.1:" + servicePort + "/webhooks/shotgrid"), SECRET);
        SimulatedConsole console = new SimulatedConsole(consolePort);
        Path artists = env.get("ARTISTS_FILE") == null ? artistsCopy(env) : null;
        shotgrid.start();
        console.start();
        return new Sandbox(shotgrid, console, servicePort, artists);
    }

    /**
     * The artists.yaml the sandbox runs with when ARTISTS_FILE is not set: a copy of CONFIG_DIR/artists.yaml in
     * DATA_DIR/sandbox, made afresh at each start, so the walkthrough can edit it live (assets per asset) and the
     * shipped file stays as it is.
     */
    private static Path artistsCopy(Map<String, String> env) throws IOException {
        Path shipped = Path.of(env.getOrDefault("CONFIG_DIR", "config"), "artists.yaml");
        Path copy = Path.of(env.getOrDefault("DATA_DIR", "data"), "sandbox", "artists.yaml");
        Files.createDirectories(copy.getParent());
        Files.copy(shipped, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** The settings that point the service at the simulators (real settings in the environment are not used). */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("shotgrid.url", "http://127.0.0.1:" + shotgrid.port());
        p.put("shotgrid.script.name", "sandbox");
        p.put("shotgrid.api.key", "sandbox-api-key");
        p.put("secret.token", SECRET);
        p.put("resilio.url", "http://127.0.0.1:" + console.port());
        p.put("resilio.token", SimulatedConsole.TOKEN);
        p.put("admin.token", ADMIN_TOKEN);
        p.put("sandbox", "true");                               // the fixed demo tokens above are accepted
        p.put("sync.debounce.ms", "500");
        p.put("safety.net.initial.delay.ms", "1000");
        if (System.getenv("DELIVERY_POLL_INTERVAL_MS") == null) p.put("delivery.poll.interval.ms", "5000");   // the walkthrough's machines, at once
        if (System.getenv("DELIVERY_REFRESH_MS") == null) p.put("delivery.refresh.ms", "10000");            // ... and its storage's runs
        if (artistsCopy != null) p.put("artists.file", artistsCopy.toString());
        if (System.getenv("PUBLIC_URL") == null) p.put("public.url", "http://localhost:" + servicePort);   // its simulated hooks point here
        if (System.getenv("SHOTGRID_DELIVERY_FIELD") == null) p.put("shotgrid.delivery.field", SandboxStudio.DELIVERY_FIELD);   // summaries on the shots
        return p;
    }

    public String banner() {
        String sg = "http://localhost:" + shotgrid.port();
        String console = "http://localhost:" + this.console.port();
        return String.join("\n",
                "",
                "  shotgrid-resilio-sync SANDBOX: a simulated ShotGrid site and Resilio console, no account needed.",
                "    the studio (ShotGrid):  curl " + sg + "/sandbox/studio",
                "    the jobs (Resilio):     curl " + console + "/",
                "    the status page:        http://localhost:" + servicePort + "/ui   (admin token: " + ADMIN_TOKEN + ")",
                "    the plan:               curl -H 'Authorization: Bearer " + ADMIN_TOKEN + "' http://localhost:" + servicePort + "/admin/plan",
                "    make a change, e.g.:    curl -X POST " + sg + "/sandbox/shots/1214/status/active",
                "                            curl -X POST " + sg + "/sandbox/tasks/5001/assignees/8",
                "  Each change is sent to the service as a signed webhook; the jobs follow within a second.",
                artistsCopy == null ? "" : "  artists.yaml in force: " + artistsCopy + " (a copy of the shipped one: edit it, the service takes it live)",
                "");
    }

    public void stop() {
        shotgrid.stop();
        console.stop();
    }
}
