package com.srsync.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event-log ids seen lately, so a delivery sent twice (or seen both as a webhook and in the
 * event log) is handled once. Bounded: the oldest ids are forgotten first.
 */
public final class RecentEvents {
    private final Map<Long, Boolean> seen;

    public RecentEvents(int capacity) {
        this.seen = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered; false for a repeat. Events without an id are always new. */
    public synchronized boolean firstTime(Long eventLogEntryId) {
        return eventLogEntryId == null || seen.put(eventLogEntryId, Boolean.TRUE) == null;
    }
}
