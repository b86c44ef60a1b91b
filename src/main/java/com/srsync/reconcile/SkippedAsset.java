package com.srsync.reconcile;

/** An asset that gets no job of its own although it is needed: a name in its path is not a safe folder name, or its job's name is taken. */
public record SkippedAsset(long id, String code, String type, String reason) {}
