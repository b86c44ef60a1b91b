package com.srsync.reconcile;

/** What a managed job is for: a shot, a project's assets (the old tool's one job), or one asset ({@code per_asset}). */
public enum JobKind {
    SHOT, ASSETS, ASSET;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
