package com.srsync.sandbox;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The sandbox's ShotGrid for tests in other packages: the sandbox studio, and webhooks that keep what is written
 * ({@code /api/v1/webhook/hooks}). On a free port; any script name and key log in.
 */
public final class ShotGridSimulator implements AutoCloseable {
    private final SimulatedShotGrid shotgrid;

    private ShotGridSimulator(SimulatedShotGrid shotgrid) {
        this.shotgrid = shotgrid;
    }

    /** @param serviceUrl where its seeded hooks point (and its deliveries go): the sandbox's hooks, one per row of the table */
    public static ShotGridSimulator start(String serviceUrl) throws IOException {
        SimulatedShotGrid shotgrid = new SimulatedShotGrid(new SandboxStudio(), 0, URI.create(serviceUrl + "/webhooks/shotgrid"), "test-secret-0123456789");
        shotgrid.start();
        return new ShotGridSimulator(shotgrid);
    }

    public String url() {
        return "http://127.0.0.1:" + shotgrid.port();
    }

    /** No hooks at all. */
    public void noHooks() {
        shotgrid.hooks().clear();
    }

    /** A hook as someone made it: {@code {"Task": {"update": ["content"]}}}. */
    public void hook(String url, Map<String, Object> entityTypes, boolean batch, String token) {
        shotgrid.hooks().create(new java.util.LinkedHashMap<>(Map.of("url", url, "entity_types", entityTypes, "batch_deliveries", batch,
                "token", token == null ? "" : token)));
    }

    /** The hooks as held, secrets too, by id. */
    public Map<String, Map<String, Object>> hooks() {
        return shotgrid.hooks().all();
    }

    /** How many creates and updates the hooks took (those of {@link #hook} included). */
    public int hookWrites() {
        return shotgrid.hooks().writes();
    }

    @Override
    public void close() {
        shotgrid.stop();
    }
}
