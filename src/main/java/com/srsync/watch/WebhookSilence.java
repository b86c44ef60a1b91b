package com.srsync.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.cluster.TermScoped;
import com.srsync.events.EventRelevance;
import com.srsync.events.ShotGridEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;

/**
 * The silence detector: every event the event-log poller reads that the required webhooks cover (a Shot
 * or Task event the service plans from) should come by webhook too. Each is settled in the order of the
 * events (by id): as "came by webhook" as soon as it did, or as "missed" once it has waited a grace period
 * since the poller read it. {@value #ALARM_AFTER} missed in a row - good ones in between break the row -
 * raise the alarm; one event that came by webhook clears it. The missed events were handled from the log.
 *
 * <p>No time of ShotGrid's is compared with this machine's clock: the grace runs from when the poller read
 * the event (our clock only), and which events count is decided by id - those after the newest event in the
 * log when this replica's term began ({@link #watchAfter}), whose webhooks came to this replica. A clock
 * minutes off changes nothing. Leader-scoped: a change of term starts the watch afresh.
 */
public final class WebhookSilence implements TermScoped {
    static final int ALARM_AFTER = 3;
    /** The last event ids that came by webhook: event ids grow by one, so this many in a row never collide. */
    private static final int REMEMBERED = 1 << 16;

    private final Clock clock;
    private final Duration grace;
    private final Predicate<ShotGridEvent> covered;
    // Written on every webhook delivery, by many threads at once: a slot per id, without a lock (the answer must stay fast)
    private final AtomicLongArray byWebhook = new AtomicLongArray(REMEMBERED);
    private final TreeMap<Long, Instant> awaited = new TreeMap<>();   // event id -> when its grace ends
    private Long watchAfter;
    private int missedInARow;
    private long missedTotal;
    private Long streakFirst;

    /** @param covered the events the required webhooks send ({@link #requiredHookSends}; Shot and Task events, by default) */
    public WebhookSilence(Clock clock, Duration grace, Predicate<ShotGridEvent> covered) {
        this.clock = clock;
        this.grace = grace;
        this.covered = covered;
    }

    public WebhookSilence(Clock clock, Duration grace) {
        this(clock, grace, WebhookSilence::shotOrTaskChange);
    }

    /** True until this term's starting point is known: the eventlog route then asks for the newest event. */
    public synchronized boolean needsStart() {
        return watchAfter == null;
    }

    /** The newest event in the log as this term begins (a search's rows): only later events count. */
    public synchronized void watchAfter(List<?> newestRows) {
        long newest = 0;
        if (newestRows != null) for (Object row : newestRows) newest = Math.max(newest, ((JsonNode) row).path("id").asLong());
        watchAfter = newest;
    }

    /** A webhook delivery's events (repeats too: a repeat also proves the webhook works). Takes no lock. */
    public void arrived(List<ShotGridEvent> events) {
        for (ShotGridEvent e : events) {
            Long id = e.eventLogEntryId();
            if (id != null && id > 0) byWebhook.set(slot(id), id);
        }
    }

    private boolean cameByWebhook(long id) {
        return byWebhook.get(slot(id)) == id;
    }

    private static int slot(long id) {
        return (int) (id & (REMEMBERED - 1));
    }

    /** Every event a poll of the event log read, also those the webhook brought first (routes/eventlog.yaml). */
    public synchronized void loggedAll(List<ShotGridEvent> events) {
        if (watchAfter == null) return;
        Instant overdue = clock.instant().plus(grace);
        for (ShotGridEvent e : events) {
            Long id = e.eventLogEntryId();
            if (id == null || id <= watchAfter || !covered.test(e)) continue;
            awaited.putIfAbsent(id, overdue);
        }
        settle();
    }

    /** Settles what can be settled now (routes/watch.yaml, every few seconds). */
    public synchronized void check() {
        settle();
    }

    /** Oldest first: came by webhook (good), or waited out its grace (missed); stops at the first still waiting. */
    private void settle() {
        Instant now = clock.instant();
        while (!awaited.isEmpty()) {
            Map.Entry<Long, Instant> first = awaited.firstEntry();
            if (cameByWebhook(first.getKey())) {
                missedInARow = 0;
                streakFirst = null;
            } else if (!first.getValue().isAfter(now)) {
                missedInARow++;
                missedTotal++;
                if (streakFirst == null) streakFirst = first.getKey();
            } else {
                break;
            }
            awaited.pollFirstEntry();
        }
    }

    /** Why the webhook looks silent, or null. */
    public synchronized String problem() {
        if (missedInARow < ALARM_AFTER) return null;
        return missedInARow + " events in a row in ShotGrid's event log never came by webhook (the first: event " + streakFirst
                + "); they were handled from the event log. Check the webhook's status on the site's Webhooks page";
    }

    public synchronized long missedTotal() {
        return missedTotal;
    }

    @Override
    public synchronized void forgetTerm() {
        for (int i = 0; i < REMEMBERED; i++) byWebhook.set(i, 0);
        awaited.clear();
        watchAfter = null;
        missedInARow = 0;
        missedTotal = 0;
        streakFirst = null;
    }

    /** The events the Shot and Task webhooks of the webhook table send: Shot and Task events the service plans from. */
    public static boolean shotOrTaskChange(ShotGridEvent e) {
        return requiredHookSends(e, false);
    }

    /**
     * The events the required webhooks send: Shot and Task events the service plans from, and with
     * {@code assets: per_asset} Asset events too (the Asset webhook is required then, and the Shot's {@code assets} field).
     */
    public static boolean requiredHookSends(ShotGridEvent e, boolean perAsset) {
        String entity = e.entityType();
        boolean required = "Shot".equals(entity) || "Task".equals(entity) || perAsset && "Asset".equals(entity);
        return required && EventRelevance.trigger(e, perAsset) != null;
    }
}
