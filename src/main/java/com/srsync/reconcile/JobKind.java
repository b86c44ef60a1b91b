package com.srsync.reconcile;

/** What a managed job is for. */
public enum JobKind {
    SHOT, ASSETS;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
