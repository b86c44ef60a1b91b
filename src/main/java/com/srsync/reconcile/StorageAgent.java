package com.srsync.reconcile;

import java.util.Objects;

/**
 * A Resilio agent as artists.yaml names it: its console id, a display name, and where the studio tree sits on it.
 * An agent given by {@code agent_name} alone has the id {@link #BY_NAME} until {@link AgentResolution} finds the
 * console's agent of that name.
 */
public record StorageAgent(long id, String name, OsPaths basePaths) {
    /** The id of an agent artists.yaml gives by name only (console ids start at 1). */
    public static final long BY_NAME = 0;

    public StorageAgent {
        Objects.requireNonNull(basePaths, "basePaths");
    }

    public boolean isByName() {
        return id == BY_NAME;
    }

    public StorageAgent withId(long consoleId) {
        return new StorageAgent(consoleId, name, basePaths);
    }
}
