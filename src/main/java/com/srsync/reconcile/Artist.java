package com.srsync.reconcile;

/**
 * An artist from artists.yaml. {@code displayName} is the key the old tool matched on; {@code login}
 * and {@code email} are optional and, when given, are matched first.
 */
public record Artist(String displayName, String login, String email, StorageAgent agent) {}
