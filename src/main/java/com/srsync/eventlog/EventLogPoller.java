package com.srsync.eventlog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.events.RecentEvents;
import com.srsync.events.ShotGridEvent;
import com.srsync.shotgrid.SearchQuery;
import com.srsync.shotgrid.ShotGridPaging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the reading of ShotGrid's EventLogEntry table stands, for {@code routes/eventlog.yaml}, which
 * makes the searches: after a durable cursor, in id order, a page of 500 at a time.
 * <ul>
 *   <li>No cursor yet: start after the newest event (or at {@code startId} when configured).</li>
 *   <li>Gaps: ids are given out before their transaction commits, so a gap may fill in later. When an
 *       event comes after a gap and is less than {@code gapWait} old, the missing ids wait in the
 *       backlog for {@code gapWait}; older gaps are taken as never happening. Backlog ids are asked for
 *       by id, so waiting for them never re-reads pages already handled. The last id only moves up.</li>
 *   <li>A poll's events are marked seen and the cursor is saved only once the route has handed them
 *       over ({@link #handedOver()}): a crash or a failed hand-over before that reads them again (a
 *       repeat is harmless, a loss is not). Events already seen as webhooks are left out.</li>
 *   <li>A failed poll is tried again after 1 s, 2 s, 4 s … up to 60 s, without end. A cursor file
 *       that cannot be read stops the poller with an error; it never starts again from zero.</li>
 * </ul>
 */
public final class EventLogPoller {
    private static final Logger LOG = LoggerFactory.getLogger(EventLogPoller.class);
    static final List<String> FIELDS = List.of("id", "event_type", "attribute_name", "meta", "entity", "user", "project", "session_uuid", "created_at");
    private static final String ENTITY = "event_log_entries";
    private static final int MAX_GAP = 10_000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final CursorStore store;
    private final RecentEvents recent;
    private final Clock clock;
    private final Duration gapWait;
    private final Long startId;
    private final ObjectMapper mapper = new ObjectMapper();

    private Cursor saved;
    private long lastId;
    private Map<Long, Instant> backlog;
    private final List<ShotGridEvent> pending = new ArrayList<>();
    private final List<ShotGridEvent> read = new ArrayList<>();
    private String stoppedBecause;
    private int failuresInARow;
    private Instant nextAttempt = Instant.MIN;
    private volatile long lag;
    private volatile String lastFailure;

    private final java.util.function.Function<Throwable, String> describe;

    /** @param describe how a failed poll is named in logs and health (the call and its status, never a credential) */
    public EventLogPoller(CursorStore store, RecentEvents recent, Clock clock, Duration gapWait, Long startId,
                          java.util.function.Function<Throwable, String> describe) {
        this.describe = describe;
        this.store = store;
        this.recent = recent;
        this.clock = clock;
        this.gapWait = gapWait;
        this.startId = startId;
    }

    /**
     * One poll's page.
     *
     * @param events the new events, to hand over (those already seen as webhooks left out)
     * @param read   every event this poll read, those the webhooks brought first too (the silence detector's input)
     * @param full   whether to read again at once
     */
    public record Page(List<ShotGridEvent> events, List<ShotGridEvent> read, boolean full) {}

    /** True when a poll may run now: the poller is not stopped and not waiting out a failure. */
    public synchronized boolean isDue() {
        return stoppedBecause == null && !clock.instant().isBefore(nextAttempt);
    }

    /**
     * Begins a poll. Returns the search for the newest event when there is no cursor yet (see
     * {@link #startAfter}), or null. A saved cursor that cannot be read stops the poller.
     */
    public synchronized SearchQuery begin() {
        pending.clear();
        read.clear();
        if (saved == null) {
            try {
                saved = store.load().orElse(null);
            } catch (CorruptCursorException e) {
                stoppedBecause = e.getMessage();
                LOG.error("Event log poller stopped: {}", e.getMessage());
                throw e;
            }
            if (saved == null && startId != null) saved = new Cursor(startId - 1, Map.of());
            if (saved == null) return newest();
        }
        resume();
        return null;
    }

    /** With no cursor yet: start after the newest event there is. */
    public synchronized void startAfter(List<?> newestRows) {
        long newest = rows(newestRows).stream().mapToLong(r -> r.path("id").asLong()).max().orElse(0);
        LOG.info("Event log poller has no cursor yet: starting after event {}", newest);
        saved = new Cursor(newest, Map.of());
        resume();
    }

    /** The search for the ids waiting in the backlog, or null when none waits any more. */
    public synchronized SearchQuery backlogQuery() {
        Instant now = clock.instant();
        backlog.values().removeIf(expiry -> !expiry.isAfter(now));
        if (backlog.isEmpty()) return null;
        return new SearchQuery(ENTITY, List.of(List.of("id", "in", List.copyOf(backlog.keySet()))), FIELDS, SearchQuery.ACTIVE);
    }

    /** Takes the backlog events that have appeared. */
    public synchronized void backlogRead(List<?> rows) {
        for (JsonNode row : rows(rows)) {
            backlog.remove(row.path("id").asLong());
            keep(row);
        }
    }

    /** The search for the next page after the cursor: at most 500 events, oldest first. */
    public synchronized SearchQuery pageQuery() {
        return SearchQuery.first(ENTITY, List.of(List.of("id", "greater_than", lastId)), FIELDS, "id", ShotGridPaging.PAGE_SIZE);
    }

    /** Takes the page's events; returns every event of this poll still to hand over, and whether the page was full. */
    public synchronized Page pageRead(List<?> rows) {
        Instant now = clock.instant();
        List<JsonNode> page = rows(rows);
        for (JsonNode row : page) {
            long id = row.path("id").asLong();
            if (id <= lastId) continue;
            if (id > lastId + 1 && recentEvent(row, now)) {
                for (long missing = lastId + 1; missing < id && missing - lastId <= MAX_GAP; missing++) backlog.put(missing, now.plus(gapWait));
            }
            lastId = Math.max(lastId, id);
            keep(row);
        }
        boolean full = page.size() >= ShotGridPaging.PAGE_SIZE;
        if (!full) lag = 0;
        return new Page(List.copyOf(pending), List.copyOf(read), full);
    }

    /** After a full page: the search for the newest event, to know how far behind the cursor is. */
    public SearchQuery lagQuery() {
        return newest();
    }

    public synchronized void lagRead(List<?> newestRows) {
        long newest = rows(newestRows).stream().mapToLong(r -> r.path("id").asLong()).max().orElse(lastId);
        lag = Math.max(0, newest - lastId);
    }

    /** The poll's events are in the event queue: they count as seen, and the cursor moves past them, durably. */
    public synchronized void handedOver() {
        pending.forEach(e -> recent.markSeen(e.eventLogEntryId()));
        pending.clear();
        read.clear();
        saved = new Cursor(lastId, backlog);
        store.save(saved);
        failuresInARow = 0;
        lastFailure = null;
    }

    /**
     * A change of term: the next poll starts from the cursor as saved (another replica may have moved it, when
     * DATA_DIR is shared), with no failure pending. A poller stopped by a corrupt cursor file stays stopped.
     */
    public synchronized void forgetTerm() {
        if (stoppedBecause != null) return;
        saved = null;
        pending.clear();
        read.clear();
        failuresInARow = 0;
        nextAttempt = Instant.MIN;
        lag = 0;
    }

    /** A poll failed: nothing of it counts; the next is tried after 1 s, doubling to 60 s. */
    public synchronized void failed(Exception e) {
        pending.clear();
        read.clear();
        if (stoppedBecause != null) return;
        failuresInARow++;
        long wait = Math.min(60_000, 1000L << Math.min(failuresInARow - 1, 6));
        nextAttempt = clock.instant().plusMillis(wait);
        lastFailure = e == null ? "unknown error" : describe.apply(e);
        LOG.warn("Event log read failed ({} in a row), next try in {} ms: {}", failuresInARow, wait, lastFailure);
    }

    private void resume() {
        lastId = saved.lastId();
        backlog = new TreeMap<>(saved.backlog());
    }

    private SearchQuery newest() {
        return SearchQuery.first(ENTITY, List.of(), List.of("id"), "-id", 1);
    }

    private void keep(JsonNode row) {
        ShotGridEvent event = event(row);
        read.add(event);
        if (recent.isNew(event.eventLogEntryId())) pending.add(event);
    }

    private boolean recentEvent(JsonNode row, Instant now) {
        Instant at = ShotGridEvent.instant(row.path("attributes").path("created_at").asText(""));
        return at == null || Duration.between(at, now).compareTo(gapWait) < 0;   // unknown age: wait, to be safe
    }

    /** An EventLogEntry row as the normalised event the webhook ingress also produces. */
    ShotGridEvent event(JsonNode row) {
        JsonNode a = row.path("attributes");
        JsonNode rel = row.path("relationships");
        JsonNode meta = a.path("meta");
        JsonNode entity = rel.path("entity").path("data");
        String type = entity.isObject() ? entity.path("type").asText(null) : text(meta.path("entity_type"));
        Long entityId = entity.isObject() ? entity.path("id").asLong() : meta.path("entity_id").isNumber() ? meta.path("entity_id").asLong() : null;
        JsonNode project = rel.path("project").path("data");
        String eventType = text(a.path("event_type"));
        if (type == null) type = ShotGridEvent.entityTypeOf(eventType);
        return new ShotGridEvent("eventlog", row.path("id").asLong(), eventType, null, type, entityId,
                project.isObject() ? project.path("id").asLong() : null, text(a.path("attribute_name")),
                meta.isObject() ? mapper.convertValue(meta, MAP) : Map.of(), text(a.path("created_at")));
    }

    private static List<JsonNode> rows(List<?> rows) {
        return rows == null ? List.of() : rows.stream().map(JsonNode.class::cast).toList();
    }

    private static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    public long lag() { return lag; }

    public synchronized int backlogSize() { return saved == null ? 0 : saved.backlog().size(); }

    public synchronized long lastId() { return saved == null ? -1 : saved.lastId(); }

    /** Null while it runs well; otherwise why it stopped or what its last poll met. */
    public String problem() {
        return stoppedBecause != null ? stoppedBecause : lastFailure;
    }
}
