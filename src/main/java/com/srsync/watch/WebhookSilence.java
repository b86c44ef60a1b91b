package com.srsync.watch;

import com.srsync.events.EventRelevance;
import com.srsync.events.ShotGridEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The silence detector: each event the event-log poller reads that the required webhooks cover (a Shot
 * or Task event the service plans from) should also have come by webhook within a grace period. When
 * {@value #ALARM_AFTER} such events in a row did not, ShotGrid's webhook has most likely stopped; the alarm
 * holds until one comes by webhook again. The missed events were handled from the log all the same.
 * Only events created while this replica leads count (the webhook goes to the leader).
 */
public final class WebhookSilence {
    static final int ALARM_AFTER = 3;
    /** The last event ids that came by webhook: event ids grow by one, so this many in a row never collide. */
    private static final int REMEMBERED = 1 << 16;

    /** An event from the log, waiting for its grace to pass. */
    private record Awaited(Instant created, Instant overdue) {}

    private final Clock clock;
    private final Duration grace;
    // Written on every webhook delivery, by many threads at once: a slot per id, without a lock (the answer must stay fast)
    private final AtomicLongArray byWebhook = new AtomicLongArray(REMEMBERED);
    private final TreeMap<Long, Awaited> awaited = new TreeMap<>();
    private Instant watchingFrom;
    private int missedInARow;
    private long missedTotal;
    private Instant streakSince;

    public WebhookSilence(Clock clock, Duration grace) {
        this.clock = clock;
        this.grace = grace;
        this.watchingFrom = clock.instant();
    }

    /** This replica leads from now: events created before went to another. */
    public synchronized void watchFrom(Instant from) {
        watchingFrom = from;
        awaited.clear();
        missedInARow = 0;
        streakSince = null;
    }

    /** A webhook delivery's events (repeats too: a repeat also proves the webhook works). */
    public void arrived(List<ShotGridEvent> events) {
        for (ShotGridEvent e : events) {
            Long id = e.eventLogEntryId();
            if (id != null) byWebhook.set(slot(id), id);
        }
    }

    private boolean cameByWebhook(long id) {
        return byWebhook.get(slot(id)) == id;
    }

    private static int slot(long id) {
        return (int) (id & (REMEMBERED - 1));
    }

    /** The events a poll of the event log read that had not come by webhook yet (routes/eventlog.yaml). */
    public void loggedAll(List<ShotGridEvent> events) {
        events.forEach(this::logged);
    }

    /** An event the poller read from the event log. */
    public synchronized void logged(ShotGridEvent e) {
        if (e.eventLogEntryId() == null || !covered(e)) return;
        Instant created = e.createdInstant();
        if (created == null) created = clock.instant();
        if (created.isBefore(watchingFrom)) return;
        awaited.put(e.eventLogEntryId(), new Awaited(created, created.plus(grace)));
    }

    /** Settles the events whose grace has passed, oldest first (routes/watch.yaml, every few seconds). */
    public synchronized void check() {
        Instant now = clock.instant();
        while (!awaited.isEmpty()) {
            Map.Entry<Long, Awaited> first = awaited.firstEntry();
            if (first.getValue().overdue().isAfter(now)) break;
            awaited.pollFirstEntry();
            Instant created = first.getValue().created();
            if (cameByWebhook(first.getKey())) {
                missedInARow = 0;
                streakSince = null;
            } else {
                missedInARow++;
                missedTotal++;
                if (streakSince == null) streakSince = created;
            }
        }
    }

    /** Why the webhook looks silent, or null. */
    public synchronized String problem() {
        if (missedInARow < ALARM_AFTER) return null;
        return missedInARow + " events in a row in ShotGrid's event log never came by webhook (the first at " + streakSince
                + "); they were handled from the event log. Check the webhook's status on the site's Webhooks page";
    }

    public synchronized long missedTotal() {
        return missedTotal;
    }

    /** The required webhooks' events: Shot and Task events the service plans from. */
    static boolean covered(ShotGridEvent e) {
        return ("Shot".equals(e.entityType()) || "Task".equals(e.entityType())) && EventRelevance.trigger(e) != null;
    }
}
