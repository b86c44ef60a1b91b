package com.srsync.delivery;

import java.util.Locale;

/**
 * One agent's state on one job, worst first: a job's state is its worst agent's, a shot's its job's.
 * {@code READY} claims only that the agent is online, in the job's run, without an error, and that its
 * file count has reached the primary storage's; on a Hybrid Work job that means the file list is
 * current, not that the files are downloaded (they download when opened).
 */
public enum DeliveryState {
    ERROR, OFFLINE, UNKNOWN, WAITING, SYNCING, READY;

    /** The word the admin API and the page use. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of the two. */
    public DeliveryState worse(DeliveryState other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }
}
