package com.srsync.events;

import com.srsync.observe.SyncMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A valid delivery is never turned away. When the event queue has no room (its memory budget or its
 * length), a delivery is reduced to what a reconcile needs: the projects its events name (or "all").
 * They wait here - a set, so at most one entry per project however long the flood - until a timer
 * route hands them to the debounce like any other trigger; the events themselves are not published on
 * the event stream for extensions. Those are counted ({@code srsync_events_dropped_total{reason}}) and
 * logged at most once a minute.
 */
public final class OverflowTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(OverflowTriggers.class);

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final RecentEvents recent;
    private final SyncMetrics metrics;
    private final Clock clock;
    private final long logEveryMillis;
    private final AtomicLong lastLog = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong droppedSinceLog = new AtomicLong();

    public OverflowTriggers(RecentEvents recent, SyncMetrics metrics, Clock clock, Duration logEvery) {
        this.recent = recent;
        this.metrics = metrics;
        this.clock = clock;
        this.logEveryMillis = logEvery.toMillis();
    }

    /**
     * The events could not go on the event queue: their projects are kept for a reconcile, and the events
     * count as seen (a redelivery of them changes nothing more).
     *
     * @param full why the queue had no room ({@link EventQueueBudget.FullException}: its memory budget; anything else: its length)
     */
    public void take(List<ShotGridEvent> events, Exception full) {
        String reason = full instanceof EventQueueBudget.FullException ? "memory_budget" : "queue_full";
        for (ShotGridEvent e : events) {
            String trigger = EventRelevance.trigger(e);
            if (trigger != null) pending.add(trigger);
            recent.markSeen(e.eventLogEntryId());
        }
        metrics.eventsDropped(reason, events.size());
        long dropped = droppedSinceLog.addAndGet(events.size());
        long now = clock.millis();
        long last = lastLog.get();
        if (now - last >= logEveryMillis && lastLog.compareAndSet(last, now)) {
            droppedSinceLog.addAndGet(-dropped);
            LOG.warn("Event queue full ({}): {} event(s) since the last such line were not published for extensions; "
                    + "their projects are reconciled as usual ({} waiting)", reason.replace('_', ' '), dropped, pending.size());
        }
    }

    /** The projects (and "all") waiting since the last call, each once; handed to the debounce by a timer route. */
    public List<String> drain() {
        List<String> out = new ArrayList<>();
        for (String p : pending) {
            if (pending.remove(p)) out.add(p);
        }
        return out;
    }

    /** A project the debounce had no room for: it waits here again for the next hand-over. */
    public void keep(String project) {
        if (project != null) pending.add(project);
    }

    /** Projects waiting to be handed to the debounce. */
    public int waiting() {
        return pending.size();
    }
}
