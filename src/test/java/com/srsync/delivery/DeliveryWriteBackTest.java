package com.srsync.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delivery summary on the Shot: written when it changed, at most once a minute a shot, never from a stale state. */
class DeliveryWriteBackTest {
    private static final TrackedJob JOB = new TrackedJob(155, 1004, "HybridWork_TST_TST_010_0010", "TST_010_0010", 1213L,
            List.of(new TrackedJob.Agent(4, "primary_storage", null), new TrackedJob.Agent(2, "enduser", "Alex Trial"),
                    new TrackedJob.Agent(3, "enduser", "Matthew Testuser")));
    private final MutableClock clock = new MutableClock();
    private final DeliveryWriteBack writeBack = new DeliveryWriteBack("sg_resilio_delivery", () -> null, clock, Duration.ofMinutes(1),
            new ObjectMapper());

    @Test
    void a_summary_is_written_when_it_changes_and_at_most_once_a_minute() throws Exception {
        List<DeliveryWriteBack.ShotSummary> first = writeBack.dueFrom(view(false));
        assertEquals(1, first.size());
        assertEquals(1213, first.get(0).shotId());
        assertEquals("{\"sg_resilio_delivery\":\"1/2 ready - Alex Trial offline since 09:12 UTC\"}", first.get(0).body());
        assertEquals("/entity/shots/1213", writeBack.path(first.get(0)));
        writeBack.written(first.get(0));

        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), writeBack.dueFrom(view(false)), "unchanged: nothing to write");

        assertEquals(1, writeBack.dueFrom(view(true)).size(), "changed: written");
        writeBack.written(writeBack.dueFrom(view(true)).get(0));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), writeBack.dueFrom(view(false)), "changed again within a minute: waits");
        clock.advance(Duration.ofSeconds(31));
        assertEquals("1/2 ready - Alex Trial offline since 09:12 UTC", writeBack.dueFrom(view(false)).get(0).text());
    }

    @Test
    void a_failed_write_is_due_again_and_a_stale_state_is_not_written() throws Exception {
        assertEquals(1, writeBack.dueFrom(view(false)).size());
        assertEquals(1, writeBack.dueFrom(view(false)).size(), "not recorded as written: due again at the next poll");
        DeliveryView stale = new DeliveryView(clock.instant(), clock.instant(), "GET /agents answered 502", view(false).jobs(), List.of());
        assertEquals(List.of(), writeBack.dueFrom(stale));
        assertEquals(List.of(), new DeliveryWriteBack(null, () -> null, clock, Duration.ofMinutes(1), new ObjectMapper()).dueFrom(view(false)));
    }

    private DeliveryView view(boolean alexOnline) {
        Instant seen = Instant.parse("2026-12-03T09:12:00Z");
        Map<Long, ConsoleAgent> agents = Map.of(
                4L, new ConsoleAgent(4, "Linux_Remote", true, seen, null, List.of()),
                2L, new ConsoleAgent(2, "MacBook", alexOnline, seen, null, List.of()),
                3L, new ConsoleAgent(3, "Mini", true, seen, null, List.of()));
        RunRecord run = new RunRecord(77, 1004, "working", 12L, List.of(), "x");
        Map<Long, RunAgentRow> rows = Map.of(4L, new RunAgentRow(4, "synced", "rw", 12L, 12L, List.of()),
                2L, new RunAgentRow(2, "synced", "srw", 12L, alexOnline ? 12L : 10L, List.of()),
                3L, new RunAgentRow(3, "synced", "srw", 12L, 12L, List.of()));
        return new DeliveryView(clock.instant(), null, null, List.of(DeliveryAssessment.assess(JOB, agents, run, rows, clock.instant())), List.of());
    }
}
