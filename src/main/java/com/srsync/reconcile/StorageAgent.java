package com.srsync.reconcile;

import java.util.Objects;

/** A Resilio agent as artists.yaml names it: its console id, a display name, and where the studio tree sits on it. */
public record StorageAgent(long id, String name, OsPaths basePaths) {
    public StorageAgent {
        Objects.requireNonNull(basePaths, "basePaths");
    }
}
