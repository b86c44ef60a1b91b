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

    /**
     * A valid delivery's events did not go on the event queue. When the queue had no room (its memory budget, or
     * its length: a full seda queue's "Queue full") that is the flood this class is for: the events are reduced to
     * their projects ({@link #take}) and the delivery counts as accepted. Anything else is a bug: logged as an
     * error with the delivery's id and counted as a failed delivery, not as accepted - and its projects are kept
     * for a reconcile all the same, so nothing it asked for is lost. Either way the delivery is answered 200.
     *
     * @param receipt the delivery as taken (its {@code x-sg-delivery-id} named in the log)
     */
    public void notHandedOver(com.srsync.webhook.WebhookReceipt receipt, Exception why) {
        String deliveryId = receipt == null ? null : receipt.deliveryId();
        List<ShotGridEvent> events = receipt == null ? List.of() : receipt.events();
        if (isQueueFull(why)) {
            take(events, why);
            if (!events.isEmpty()) metrics.webhook("accepted", events.size());
            return;
        }
        for (ShotGridEvent e : events) {
            String trigger = EventRelevance.trigger(e);
            if (trigger != null) pending.add(trigger);
        }
        metrics.webhook("failed", 1);
        LOG.error("Webhook delivery {} could not be put on the event queue (a bug, not a full queue); its {} event(s) are not published "
                + "for extensions, and their projects are reconciled as usual", deliveryId == null ? "(no x-sg-delivery-id)" : deliveryId,
                events.size(), why);
    }

    /** True when {@code e} says the event queue had no room: its memory budget, or its length (a full seda queue's "Queue full"). */
    static boolean isQueueFull(Throwable e) {
        return e instanceof EventQueueBudget.FullException || (e instanceof IllegalStateException && "Queue full".equals(e.getMessage()));
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
