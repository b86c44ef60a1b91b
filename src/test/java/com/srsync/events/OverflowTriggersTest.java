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
    private final io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    private final OverflowTriggers overflow = new OverflowTriggers(recent, new SyncMetrics(() -> registry), Clock.systemUTC(), Duration.ofMinutes(1));

    private double deliveries(String result) {
        var counter = registry.find("srsync.webhook.deliveries").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

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

    @Test
    void a_full_queue_counts_the_delivery_as_accepted_and_keeps_its_projects() {
        overflow.notHandedOver(new com.srsync.webhook.WebhookReceipt(1, 0, List.of(assignment(1, 155)), 0, "d-1"),
                new IllegalStateException("Queue full"));
        assertEquals(1, deliveries("accepted"));
        assertEquals(0, deliveries("failed"));
        assertEquals(List.of("155"), overflow.drain());
    }

    @Test
    void any_other_failure_is_a_bug_logged_with_the_delivery_id_counted_as_failed_and_its_projects_still_reconciled() {
        try (LogCapture log = LogCapture.open()) {
            overflow.notHandedOver(new com.srsync.webhook.WebhookReceipt(1, 0, List.of(assignment(1, 155), assignment(2, 157)), 0,
                    "fe37d91a-delivery"), new IllegalStateException("Fails to insert element into queue"));
            assertEquals(1, log.containing("Webhook delivery fe37d91a-delivery could not be put on the event queue (a bug, not a full queue)")
                    .size(), log.lines().toString());
        }
        assertEquals(1, deliveries("failed"));
        assertEquals(0, deliveries("accepted"), "not counted as accepted and as failed at once");
        assertEquals(0, registry.find("srsync.events.dropped").counters().size(), "nor as a full queue");
        assertEquals(List.of("155", "157"), overflow.drain().stream().sorted().toList());
    }
}
