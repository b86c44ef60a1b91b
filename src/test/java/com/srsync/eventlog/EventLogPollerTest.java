package com.srsync.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.srsync.events.RecentEvents;
import com.srsync.events.ShotGridEvent;
import com.srsync.shotgrid.SearchQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event log poller's rules, driven the way routes/eventlog.yaml drives it, against an in-memory
 * EventLogEntry table that answers its searches as ShotGrid would.
 */
class EventLogPollerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir Path dataDir;
    private final TreeMap<Long, JsonNode> table = new TreeMap<>();
    private final List<String> asked = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final RecentEvents recent = new RecentEvents(100_000);

    private EventLogPoller poller(Long startId) {
        return new EventLogPoller(new CursorStore(dataDir, MAPPER, new com.srsync.durable.DataDirWrites()), recent, clock, Duration.ofMinutes(5), startId, Throwable::getMessage);
    }

    /** One poll as the route makes it; the events handed over. */
    private EventLogPoller.Page poll(EventLogPoller poller) {
        SearchQuery start = poller.begin();
        if (start != null) poller.startAfter(search(start));
        SearchQuery backlog = poller.backlogQuery();
        if (backlog != null) poller.backlogRead(search(backlog));
        EventLogPoller.Page page = poller.pageRead(search(poller.pageQuery()));
        poller.handedOver();
        return page;
    }

    /** Polls until a page comes back short, as the route does; returns the event ids in order. */
    private List<Long> drain(EventLogPoller poller, int[] pages) {
        List<Long> ids = new ArrayList<>();
        EventLogPoller.Page page;
        do {
            page = poll(poller);
            pages[0]++;
            page.events().stream().map(ShotGridEvent::eventLogEntryId).forEach(ids::add);
        } while (page.full());
        return ids;
    }

    @Test
    void consumes_1250_events_in_three_pages_and_the_cursor_ends_at_the_last_id() throws Exception {
        addRange(1, 1250, clock.instant());
        int[] pages = {0};

        List<Long> ids = drain(poller(1L), pages);

        assertEquals(3, pages[0]);
        assertEquals(LongStream.rangeClosed(1, 1250).boxed().toList(), ids);
        assertTrue(Files.readString(dataDir.resolve("eventlog-cursor.json")).contains("\"last_id\" : 1250"));
    }

    @Test
    void events_become_the_same_normalised_events_as_webhook_deliveries() {
        add(900102, clock.instant());

        ShotGridEvent e = poll(poller(900102L)).events().get(0);

        assertEquals(new ShotGridEvent("eventlog", 900102L, "Shotgun_Task_Change", null, "Task", 5001L, 155L, "task_assignees",
                java.util.Map.of("type", "attribute_change", "entity_type", "Task", "entity_id", 5001), e.createdAt()), e);
    }

    @Test
    void a_gap_that_fills_in_within_the_window_is_processed() {
        addRange(1, 10, clock.instant());
        addRange(12, 20, clock.instant());
        EventLogPoller poller = poller(1L);
        assertEquals(19, poll(poller).events().size());
        assertEquals(1, poller.backlogSize());

        add(11, clock.instant().minusSeconds(1));
        clock.advance(Duration.ofMinutes(2));
        List<ShotGridEvent> late = poll(poller).events();

        assertEquals(List.of(11L), late.stream().map(ShotGridEvent::eventLogEntryId).toList());
        assertEquals(0, poller.backlogSize());
        assertEquals(20, poller.lastId());
    }

    @Test
    void a_gap_that_never_fills_in_is_dropped_after_the_window() {
        addRange(1, 10, clock.instant());
        addRange(12, 20, clock.instant());
        EventLogPoller poller = poller(1L);
        poll(poller);
        assertEquals(1, poller.backlogSize());

        clock.advance(Duration.ofMinutes(6));
        asked.clear();
        poll(poller);

        assertEquals(0, poller.backlogSize());
        assertFalse(asked.stream().anyMatch(q -> q.contains("\"in\"")), "an expired gap is not asked for: " + asked);
    }

    @Test
    void an_old_gap_is_not_waited_for() {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        addRange(1, 10, hourAgo);
        addRange(12, 20, hourAgo);
        EventLogPoller poller = poller(1L);

        poll(poller);

        assertEquals(0, poller.backlogSize());
        assertEquals(20, poller.lastId());
    }

    @Test
    void a_restart_resumes_exactly_after_the_cursor() {
        addRange(1, 700, clock.instant());
        List<Long> seen = new ArrayList<>(drain(poller(1L), new int[1]));
        addRange(701, 900, clock.instant());
        asked.clear();

        seen.addAll(drain(poller(null), new int[1]));   // a new process: same DATA_DIR, no start id

        assertEquals(LongStream.rangeClosed(1, 900).boxed().toList(), seen);
        assertTrue(asked.get(0).contains("[[\"id\",\"greater_than\",700]]"), asked.toString());
    }

    @Test
    void with_no_cursor_it_starts_after_the_newest_event() {
        addRange(1, 40, clock.instant());
        EventLogPoller poller = poller(null);

        assertEquals(List.of(), poll(poller).events());
        add(41, clock.instant());
        assertEquals(41L, poll(poller).events().get(0).eventLogEntryId());
    }

    @Test
    void a_poll_that_is_not_handed_over_leaves_the_cursor_and_reads_its_events_again() throws Exception {
        addRange(1, 5, clock.instant());
        EventLogPoller poller = poller(1L);
        poller.begin();
        assertEquals(5, poller.pageRead(search(poller.pageQuery())).events().size());
        poller.failed(new IllegalStateException("Queue full"));           // the hand-over to the event queue failed
        assertFalse(Files.exists(dataDir.resolve("eventlog-cursor.json")));

        clock.advance(Duration.ofSeconds(2));
        assertTrue(poller.isDue());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), poll(poller).events().stream().map(ShotGridEvent::eventLogEntryId).toList());
        assertEquals(List.of(), poll(poller).events());                   // handed over: now they are repeats
    }

    @Test
    void a_corrupt_cursor_stops_the_poller_with_a_clear_error_instead_of_starting_from_zero() throws Exception {
        addRange(1, 10, clock.instant());
        Files.writeString(dataDir.resolve("eventlog-cursor.json"), "{\"last_id\": \"twelve\"");
        EventLogPoller poller = poller(null);

        CorruptCursorException e = assertThrows(CorruptCursorException.class, poller::begin);
        assertTrue(e.getMessage().contains("eventlog-cursor.json"), e.getMessage());
        assertFalse(poller.isDue());
        assertTrue(poller.problem().contains("eventlog-cursor.json"));
    }

    @Test
    void a_failed_read_is_retried_after_a_growing_wait() {
        EventLogPoller poller = poller(1L);
        poller.begin();
        poller.failed(new IllegalStateException("ShotGrid POST /entity/event_log_entries/_search answered 503"));
        assertFalse(poller.isDue());
        assertEquals("ShotGrid POST /entity/event_log_entries/_search answered 503", poller.problem());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(poller.isDue());
        poller.failed(new IllegalStateException("again"));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(poller.isDue(), "the second wait is 2 s");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(poller.isDue());

        addRange(1, 5, clock.instant());
        assertEquals(5, poll(poller).events().size());
        assertNull(poller.problem());
    }

    /** The table's answer to one search, as direct:shotgrid-search gives it: every row, or the first {@code limit}. */
    private List<Object> search(SearchQuery q) {
        asked.add(MAPPER.valueToTree(q.filters()).toString() + " sort " + q.sort());
        List<Object> rows = new ArrayList<>();
        if (q.filters().isEmpty() && "-id".equals(q.sort())) {
            if (!table.isEmpty()) rows.add(table.lastEntry().getValue());
            return rows;
        }
        List<Object> f = q.filters().get(0);
        if ("greater_than".equals(f.get(1))) {
            table.tailMap(((Number) f.get(2)).longValue(), false).values().stream().limit(q.limit() == null ? Long.MAX_VALUE : q.limit()).forEach(rows::add);
        } else if ("in".equals(f.get(1))) {
            for (Object id : (List<?>) f.get(2)) if (table.containsKey(((Number) id).longValue())) rows.add(table.get(((Number) id).longValue()));
        }
        return rows;
    }

    private void add(long id, Instant createdAt) {
        ObjectNode row = MAPPER.createObjectNode();
        row.put("type", "EventLogEntry").put("id", id);
        ObjectNode a = row.putObject("attributes");
        a.put("event_type", "Shotgun_Task_Change").put("attribute_name", "task_assignees");
        a.put("created_at", createdAt.toString().replace('T', ' ').replace("Z", ""));
        a.putObject("meta").put("type", "attribute_change").put("entity_type", "Task").put("entity_id", 5001);
        ObjectNode rel = row.putObject("relationships");
        rel.putObject("entity").putObject("data").put("type", "Task").put("id", 5001).put("name", "comp");
        rel.putObject("project").putObject("data").put("type", "Project").put("id", 155).put("name", "TST");
        table.put(id, row);
    }

    private void addRange(long from, long to, Instant createdAt) {
        for (long id = from; id <= to; id++) add(id, createdAt);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration d) { now = now.plus(d); }
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
