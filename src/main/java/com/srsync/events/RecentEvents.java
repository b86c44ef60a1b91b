package com.srsync.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event-log ids handed over lately, so a delivery sent twice (or seen both as a webhook and in the
 * event log) is handled once. An event counts as seen only once it has been handed over to the event
 * queue, so an event whose hand-over failed is taken when it comes again. Bounded: the oldest ids are
 * forgotten first.
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

    /** True when the id has not been handed over yet. Events without an id are always new. */
    public synchronized boolean isNew(Long eventLogEntryId) {
        return eventLogEntryId == null || !seen.containsKey(eventLogEntryId);
    }

    /** The event is in the event queue: a repeat of it is dropped from now on. */
    public synchronized void markSeen(Long eventLogEntryId) {
        if (eventLogEntryId != null) seen.put(eventLogEntryId, Boolean.TRUE);
    }
}
