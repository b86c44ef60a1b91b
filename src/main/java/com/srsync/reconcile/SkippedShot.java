package com.srsync.reconcile;

/** An active shot that gets no job because a name in its path is not a safe folder name, and why. */
public record SkippedShot(long id, String code, String reason) {}
