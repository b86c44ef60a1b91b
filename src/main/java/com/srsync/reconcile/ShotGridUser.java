package com.srsync.reconcile;

/** A HumanUser assigned to a task; {@code login} and {@code email} are known only when they were read. */
public record ShotGridUser(long id, String name, String login, String email) {
    public static ShotGridUser named(long id, String name) {
        return new ShotGridUser(id, name, null, null);
    }
}
