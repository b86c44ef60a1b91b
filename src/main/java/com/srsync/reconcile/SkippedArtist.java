package com.srsync.reconcile;

/** A ShotGrid user assigned to an active shot's task who gets no agent, and why. */
public record SkippedArtist(String name, String reason) {
    public static final String NOT_CONFIGURED = "not in artists.yaml";
}
