package com.srsync.eventlog;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the poller is: the highest event id handled, and the ids missing below it that may still
 * appear (their transaction had not committed), each with the time it stops being waited for.
 */
public record Cursor(long lastId, Map<Long, Instant> backlog) {
    public Cursor {
        backlog = new TreeMap<>(backlog);
    }
}
