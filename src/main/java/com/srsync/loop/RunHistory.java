package com.srsync.loop;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last reconciles, newest first, for {@code GET /admin/runs}: "what failed last night?" without
 * reading the log. Kept in memory and bounded (the oldest entries go first); gone on a restart.
 */
public final class RunHistory {
    /**
     * One reconcile as it ended.
     *
     * @param outcome written, no_change, failed_writes, blocked, dry_run, left_alone, or stopped (it ended before any write)
     * @param error   why it stopped, or null; never a credential (the same text as the log's)
     */
    public record Entry(String endedAt, String project, String tankName, long durationMs, String outcome,
                        int creates, int updates, int deletes, int failedWrites, String error) {}

    private final int capacity;
    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public RunHistory(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    synchronized void add(String project, String tankName, long durationMs, String outcome, int creates, int updates, int deletes,
                          int failedWrites, String error) {
        entries.addFirst(new Entry(clock.instant().toString(), project, tankName, durationMs, outcome, creates, updates, deletes,
                failedWrites, error));
        while (entries.size() > capacity) entries.removeLast();
    }

    /** Newest first; only {@code project}'s when it is not null. */
    public synchronized List<Entry> recent(Long project) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (project == null || e.project().equals(String.valueOf(project))) out.add(e);
        }
        return out;
    }
}
