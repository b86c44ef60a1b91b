package com.srsync.reconcile;

/** The primary storage is not on the console: a plan would give every job a source that does not exist. */
public final class UnresolvedAgentException extends RuntimeException {
    public UnresolvedAgentException(String message) {
        super(message);
    }
}
