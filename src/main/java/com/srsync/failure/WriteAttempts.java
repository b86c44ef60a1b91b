package com.srsync.failure;

import com.srsync.reconcile.JobOperation;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many times each write has failed in a row, across reconciles: a write the console deferred is
 * planned again by a later reconcile, and its tries go on counting there, so a console that refuses
 * it for good still ends in a dead letter that says truly how often it was tried. Forgotten when the
 * write succeeds, is dead-lettered, or is no longer planned.
 */
public final class WriteAttempts {
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    /** Counts one more failure of {@code op}; returns its failures in a row, this one included. */
    public int failed(JobOperation op) {
        return failures.merge(key(op), 1, Integer::sum);
    }

    /** The write was made, or given up (dead-lettered): its count starts again. */
    public void forget(JobOperation op) {
        failures.remove(key(op));
    }

    /** A reconcile of {@code project} ended: only the writes it deferred keep their counts. */
    public void keepOnly(long project, Collection<JobOperation> deferred) {
        Set<String> keep = ConcurrentHashMap.newKeySet();
        for (JobOperation op : deferred) keep.add(key(op));
        String prefix = project + " ";
        failures.keySet().removeIf(k -> k.startsWith(prefix) && !keep.contains(k));
    }

    private static String key(JobOperation op) {
        return op.getProjectId() + " " + DeadLetterStore.keyOf(op);
    }
}
