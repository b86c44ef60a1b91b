package com.srsync.eventlog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.events.RecentEvents;
import com.srsync.events.ShotGridEvent;
import com.srsync.shotgrid.SearchQuery;
import com.srsync.shotgrid.ShotGridClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads ShotGrid's EventLogEntry table in id order, a page of 500 at a time, after a durable cursor.
 * <ul>
 *   <li>No cursor yet: start after the newest event (or at {@code startId} when configured).</li>
 *   <li>Gaps: ids are given out before their transaction commits, so a gap may fill in later. When an
 *       event comes after a gap and is less than {@code gapWait} old, the missing ids wait in the
 *       backlog for {@code gapWait}; older gaps are taken as never happening. Backlog ids are asked for
 *       by id, so waiting for them never re-reads pages already handled. The last id only moves up.</li>
 *   <li>The cursor is saved after every page. Repeats (an event also seen as a webhook) are dropped.</li>
 *   <li>A failed read is tried again after 1 s, 2 s, 4 s … up to 60 s, without end. A cursor file
 *       that cannot be read stops the poller with an error; it never starts again from zero.</li>
 * </ul>
 */
public final class EventLogPoller {
    private static final Logger LOG = LoggerFactory.getLogger(EventLogPoller.class);
    static final String FIELDS = "id,event_type,attribute_name,meta,entity,user,project,session_uuid,created_at";
    private static final int MAX_GAP = 10_000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    /** ShotGrid's {@code created_at}: "2023-04-22 21:13:51.550053", UTC, with 0 to 9 decimals. */
    private static final DateTimeFormatter SG_TIME = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter();

    private final ShotGridClient client;
    private final CursorStore store;
    private final RecentEvents recent;
    private final Clock clock;
    private final Duration gapWait;
    private final Long startId;
    private final ObjectMapper mapper = new ObjectMapper();

    private Cursor cursor;
    private String stoppedBecause;
    private int failuresInARow;
    private Instant nextAttempt = Instant.MIN;
    private volatile long lag;
    private volatile String lastFailure;

    public EventLogPoller(ShotGridClient client, CursorStore store, RecentEvents recent, Clock clock, Duration gapWait, Long startId) {
        this.client = client;
        this.store = store;
        this.recent = recent;
        this.clock = clock;
        this.gapWait = gapWait;
        this.startId = startId;
    }

    /** One page: the new events (repeats left out), and whether to read again at once. */
    public record Page(List<ShotGridEvent> events, boolean full) {}

    public synchronized Page poll() {
        if (stoppedBecause != null || clock.instant().isBefore(nextAttempt)) return new Page(List.of(), false);
        try {
            Page page = read();
            failuresInARow = 0;
            lastFailure = null;
            return page;
        } catch (CorruptCursorException e) {
            stoppedBecause = e.getMessage();
            LOG.error("Event log poller stopped: {}", e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            failuresInARow++;
            long wait = Math.min(60_000, 1000L << Math.min(failuresInARow - 1, 6));
            nextAttempt = clock.instant().plusMillis(wait);
            lastFailure = e.getMessage();
            LOG.warn("Event log read failed ({} in a row), next try in {} ms: {}", failuresInARow, wait, e.getMessage());
            throw e;
        }
    }

    private Page read() {
        if (cursor == null) cursor = store.load().orElseGet(this::startingCursor);
        Map<Long, Instant> backlog = new TreeMap<>(cursor.backlog());
        Instant now = clock.instant();
        backlog.values().removeIf(expiry -> !expiry.isAfter(now));
        List<ShotGridEvent> events = new ArrayList<>();
        if (!backlog.isEmpty()) {
            List<Object> ids = new ArrayList<>(backlog.keySet());
            for (JsonNode row : client.search(query(List.of(List.of("id", "in", ids))))) {
                backlog.remove(row.path("id").asLong());
                keep(row, events);
            }
        }
        long lastId = cursor.lastId();
        List<JsonNode> rows = client.searchPage(query(List.of(List.of("id", "greater_than", lastId))), 1);
        for (JsonNode row : rows) {
            long id = row.path("id").asLong();
            if (id <= lastId) continue;
            if (id > lastId + 1 && recentEvent(row, now)) {
                for (long missing = lastId + 1; missing < id && missing - lastId <= MAX_GAP; missing++) {
                    backlog.put(missing, now.plus(gapWait));
                }
            }
            lastId = Math.max(lastId, id);
            keep(row, events);
        }
        cursor = new Cursor(lastId, backlog);
        store.save(cursor);
        boolean full = rows.size() >= ShotGridClient.PAGE_SIZE;
        lag = full ? newestId() - lastId : 0;
        return new Page(events, full);
    }

    private void keep(JsonNode row, List<ShotGridEvent> events) {
        ShotGridEvent event = event(row);
        if (recent.firstTime(event.eventLogEntryId())) events.add(event);
    }

    private Cursor startingCursor() {
        long last = startId != null ? startId - 1 : newestId();
        LOG.info("Event log poller has no cursor yet: starting after event {}", last);
        return new Cursor(last, Map.of());
    }

    private long newestId() {
        List<JsonNode> newest = client.searchPage(new SearchQuery("event_log_entries", List.of(), List.of("id"), "active", "-id"), 1, 1);
        return newest.isEmpty() ? 0 : newest.get(0).path("id").asLong();
    }

    private boolean recentEvent(JsonNode row, Instant now) {
        String created = row.path("attributes").path("created_at").asText("");
        try {
            Instant at = created.contains("T") ? Instant.parse(created)
                    : LocalDateTime.parse(created, SG_TIME).toInstant(ZoneOffset.UTC);
            return Duration.between(at, now).compareTo(gapWait) < 0;
        } catch (DateTimeParseException e) {
            return true;   // unknown age: wait, to be safe
        }
    }

    private SearchQuery query(List<List<Object>> filters) {
        return new SearchQuery("event_log_entries", filters, List.of(FIELDS.split(",")), "active");
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

    private static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    public long lag() { return lag; }

    public synchronized int backlogSize() { return cursor == null ? 0 : cursor.backlog().size(); }

    public synchronized long lastId() { return cursor == null ? -1 : cursor.lastId(); }

    /** Null while it runs well; otherwise why it stopped or what its last read met. */
    public String problem() {
        return stoppedBecause != null ? stoppedBecause : lastFailure;
    }
}
