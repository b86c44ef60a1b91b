package com.srsync.eventlog;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.srsync.config.Secret;
import com.srsync.events.RecentEvents;
import com.srsync.events.ShotGridEvent;
import com.srsync.http.JsonHttp;
import com.srsync.shotgrid.AccessTokens;
import com.srsync.shotgrid.ShotGridClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EventLogPollerTest {
    static final EventLogTable TABLE_EXTENSION = new EventLogTable();
    @RegisterExtension
    static WireMockExtension shotgrid = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(TABLE_EXTENSION)).build();

    @TempDir Path dataDir;
    private EventLogTable table;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void site() {
        table = TABLE_EXTENSION;
        table.asked.clear();
        synchronized (table) { clearTable(); }
        shotgrid.stubFor(post("/api/v1/auth/access_token").willReturn(okJson("{\"access_token\": \"t\", \"expires_in\": 600}")));
        shotgrid.stubFor(post("/api/v1/entity/event_log_entries/_search").willReturn(aResponse().withTransformers("eventlog-table")));
    }

    private void clearTable() {
        try {
            var f = EventLogTable.class.getDeclaredField("rows");
            f.setAccessible(true);
            ((java.util.Map<?, ?>) f.get(table)).clear();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private EventLogPoller poller(Long startId) {
        JsonHttp http = new JsonHttp("ShotGrid", HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                Duration.ofSeconds(5), new ObjectMapper());
        URI api = ShotGridClient.apiRoot(URI.create(shotgrid.baseUrl()));
        ShotGridClient client = new ShotGridClient(api, new AccessTokens(api, "s", Secret.of("k"), http, clock), http);
        return new EventLogPoller(client, new CursorStore(dataDir, new ObjectMapper()), new RecentEvents(100_000), clock,
                Duration.ofMinutes(5), startId);
    }

    /** Polls until a page comes back short, as the route does; returns the event ids in order. */
    private static List<Long> drain(EventLogPoller poller, int[] pages) {
        List<Long> ids = new ArrayList<>();
        EventLogPoller.Page page;
        do {
            page = poller.poll();
            pages[0]++;
            page.events().stream().map(ShotGridEvent::eventLogEntryId).forEach(ids::add);
        } while (page.full());
        return ids;
    }

    @Test
    void consumes_1250_events_in_three_pages_and_the_cursor_ends_at_the_last_id() throws Exception {
        table.addRange(1, 1250, clock.instant());
        int[] pages = {0};

        List<Long> ids = drain(poller(1L), pages);

        assertEquals(3, pages[0]);
        assertEquals(LongStream.rangeClosed(1, 1250).boxed().toList(), ids);
        assertTrue(Files.readString(dataDir.resolve("eventlog-cursor.json")).contains("\"last_id\" : 1250"));
    }

    @Test
    void events_become_the_same_normalised_events_as_webhook_deliveries() {
        table.add(900102, clock.instant());

        ShotGridEvent e = poller(900102L).poll().events().get(0);

        assertEquals(new ShotGridEvent("eventlog", 900102L, "Shotgun_Task_Change", null, "Task", 5001L, 155L, "task_assignees",
                java.util.Map.of("type", "attribute_change", "entity_type", "Task", "entity_id", 5001), e.createdAt()), e);
    }

    @Test
    void a_gap_that_fills_in_within_the_window_is_processed() {
        table.addRange(1, 10, clock.instant());
        table.addRange(12, 20, clock.instant());
        EventLogPoller poller = poller(1L);
        assertEquals(19, poller.poll().events().size());
        assertEquals(1, poller.backlogSize());

        table.add(11, clock.instant().minusSeconds(1));
        clock.advance(Duration.ofMinutes(2));
        List<ShotGridEvent> late = poller.poll().events();

        assertEquals(List.of(11L), late.stream().map(ShotGridEvent::eventLogEntryId).toList());
        assertEquals(0, poller.backlogSize());
        assertEquals(20, poller.lastId());
    }

    @Test
    void a_gap_that_never_fills_in_is_dropped_after_the_window() {
        table.addRange(1, 10, clock.instant());
        table.addRange(12, 20, clock.instant());
        EventLogPoller poller = poller(1L);
        poller.poll();
        assertEquals(1, poller.backlogSize());

        clock.advance(Duration.ofMinutes(6));
        table.asked.clear();
        poller.poll();

        assertEquals(0, poller.backlogSize());
        assertFalse(table.asked.stream().anyMatch(q -> q.contains("\"in\"")), "an expired gap is not asked for: " + table.asked);
    }

    @Test
    void an_old_gap_is_not_waited_for() {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        table.addRange(1, 10, hourAgo);
        table.addRange(12, 20, hourAgo);
        EventLogPoller poller = poller(1L);

        poller.poll();

        assertEquals(0, poller.backlogSize());
        assertEquals(20, poller.lastId());
    }

    @Test
    void a_restart_resumes_exactly_after_the_cursor() {
        table.addRange(1, 700, clock.instant());
        List<Long> seen = new ArrayList<>(drain(poller(1L), new int[1]));
        table.addRange(701, 900, clock.instant());
        table.asked.clear();

        seen.addAll(drain(poller(null), new int[1]));   // a new process: same DATA_DIR, no start id

        assertEquals(LongStream.rangeClosed(1, 900).boxed().toList(), seen);
        assertTrue(table.asked.get(0).contains("[[\"id\",\"greater_than\",700]]"), table.asked.toString());
    }

    @Test
    void with_no_cursor_it_starts_after_the_newest_event() {
        table.addRange(1, 40, clock.instant());
        EventLogPoller poller = poller(null);

        assertEquals(List.of(), poller.poll().events());
        table.add(41, clock.instant());
        assertEquals(41L, poller.poll().events().get(0).eventLogEntryId());
    }

    @Test
    void a_corrupt_cursor_stops_the_poller_with_a_clear_error_instead_of_starting_from_zero() throws Exception {
        table.addRange(1, 10, clock.instant());
        Files.writeString(dataDir.resolve("eventlog-cursor.json"), "{\"last_id\": \"twelve\"");
        EventLogPoller poller = poller(null);

        CorruptCursorException e = assertThrows(CorruptCursorException.class, poller::poll);
        assertTrue(e.getMessage().contains("eventlog-cursor.json"), e.getMessage());
        assertEquals(List.of(), poller.poll().events());
        assertTrue(poller.problem().contains("eventlog-cursor.json"));
        assertFalse(table.asked.stream().anyMatch(q -> q.contains("greater_than")), table.asked.toString());
    }

    @Test
    void a_failed_read_is_retried_after_a_growing_wait() {
        table.addRange(1, 5, clock.instant());
        shotgrid.stubFor(post("/api/v1/entity/event_log_entries/_search").willReturn(aResponse().withStatus(503)));
        EventLogPoller poller = poller(1L);

        assertThrows(RuntimeException.class, poller::poll);
        assertEquals(List.of(), poller.poll().events());              // within the wait: no call
        shotgrid.stubFor(post("/api/v1/entity/event_log_entries/_search").willReturn(aResponse().withTransformers("eventlog-table")));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(5, poller.poll().events().size());
        assertEquals(null, poller.problem());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration d) { now = now.plus(d); }
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
