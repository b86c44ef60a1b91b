package com.srsync.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much memory the events waiting between intake and the event stream may take: each delivery
 * (or event-log page) reserves the estimated size of its normalised events before it is queued on
 * {@code seda:new-events}, and releases it once they are on {@code seda:shotgrid-events}, a queue
 * bounded by count that blocks its producer when full. A reservation beyond the budget is refused,
 * so the webhook is answered 503 with Retry-After (ShotGrid sends it again) and the event-log poller
 * waits, long before the heap is at risk. The budget defaults to an eighth of the maximum heap,
 * at most 32 MiB.
 */
public final class EventQueueBudget {
    /** Thrown when a reservation does not fit: the caller answers 503 or tries again later. */
    public static final class FullException extends RuntimeException {
        public FullException(String message) {
            super(message, null, false, false);
        }
    }

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    public EventQueueBudget(long limitBytes) {
        if (limitBytes < 64 * 1024) throw new IllegalArgumentException("the event queue budget must be at least 64 KiB");
        this.limit = limitBytes;
    }

    /** An eighth of the heap this JVM may grow to, at most 32 MiB. */
    public static EventQueueBudget ofHeap() {
        return new EventQueueBudget(Math.min(32L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8));
    }

    /** Reserves room for these events or throws {@link FullException}; returns what they cost (give it back with {@link #release}). */
    public long reserve(List<ShotGridEvent> events) {
        long cost = cost(events);
        if (cost == 0) return 0;
        long after = used.addAndGet(cost);
        if (after > limit && after != cost) {        // one delivery alone always fits, however large
            used.addAndGet(-cost);
            throw new FullException("the event queue holds " + (after - cost) / 1024 + " KiB of " + limit / 1024 + " KiB");
        }
        return cost;
    }

    /** Gives back what {@link #reserve} took; null (nothing was reserved) gives back nothing. */
    public void release(Long cost) {
        if (cost != null) used.addAndGet(-cost);
    }

    public long usedBytes() {
        return used.get();
    }

    public long limitBytes() {
        return limit;
    }

    /** An estimate of the heap a list of events takes: object overheads plus two bytes a character. */
    static long cost(List<ShotGridEvent> events) {
        if (events == null) return 0;
        long bytes = 0;
        for (ShotGridEvent e : events) {
            bytes += 160 + chars(e.source()) + chars(e.eventType()) + chars(e.operation()) + chars(e.entityType())
                    + chars(e.attributeName()) + chars(e.createdAt()) + cost(e.meta());
        }
        return bytes;
    }

    private static long cost(Object value) {
        if (value instanceof String s) return 40 + 2L * s.length();
        if (value instanceof Map<?, ?> m) {
            long bytes = 64;
            for (Map.Entry<?, ?> entry : m.entrySet()) bytes += 32 + cost(entry.getKey()) + cost(entry.getValue());
            return bytes;
        }
        if (value instanceof Collection<?> c) {
            long bytes = 40;
            for (Object item : c) bytes += 8 + cost(item);
            return bytes;
        }
        return 24;
    }

    private static long chars(String s) {
        return s == null ? 0 : 40 + 2L * s.length();
    }
}
