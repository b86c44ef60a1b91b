package com.srsync.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.srsync.observe.SyncMetrics;
import com.srsync.support.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flood past the event queue's room leaves one entry per project, whatever its length, and the log one line a minute. */
class OverflowTriggersTest {
    private final RecentEvents recent = new RecentEvents(1000);
    private final OverflowTriggers overflow = new OverflowTriggers(recent, new SyncMetrics(() -> null), Clock.systemUTC(), Duration.ofMinutes(1));

    private static ShotGridEvent assignment(long id, long project) {
        return new ShotGridEvent("webhook", id, "Shotgun_Task_Change", "update", "Task", 5001L, project, "task_assignees", null, null);
    }

    @Test
    void a_flood_leaves_one_entry_per_project_and_its_events_count_as_seen() {
        List<ShotGridEvent> flood = new ArrayList<>();
        for (long id = 1; id <= 500; id++) flood.add(assignment(id, id % 2 == 0 ? 155 : 156));
        try (LogCapture log = LogCapture.open()) {
            for (int i = 0; i < 500; i += 50) overflow.take(flood.subList(i, i + 50), new EventQueueBudget.FullException("full"));
            assertEquals(1, log.containing("Event queue full (memory budget)").size(), "one line a minute, not one a delivery");
        }

        assertEquals(2, overflow.waiting());
        assertEquals(List.of("155", "156"), overflow.drain().stream().sorted().toList());
        assertEquals(List.of(), overflow.drain(), "each handed over once");
        assertFalse(recent.isNew(7L), "a redelivery of a taken event is a repeat");
    }

    @Test
    void a_project_the_debounce_had_no_room_for_waits_for_the_next_hand_over() {
        overflow.take(List.of(assignment(1, 155)), new IllegalStateException("Queue full"));
        List<String> handed = overflow.drain();

        overflow.keep(handed.get(0));

        assertEquals(List.of("155"), overflow.drain());
    }
}
