package com.srsync.reconcile;

/** What differs between a desired job and the job the console has. */
public enum JobChange {
    AGENTS, DESCRIPTION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
