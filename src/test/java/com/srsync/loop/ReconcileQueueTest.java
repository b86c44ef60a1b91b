package com.srsync.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** One reconcile per project at a time, one more after a trigger that came while it ran, urgent ones first. */
class ReconcileQueueTest {
    private final ReconcileQueue queue = new ReconcileQueue(Duration.ofMinutes(10));

    @Test
    void a_project_waiting_is_not_queued_twice() {
        assertNotNull(queue.offer(155, false));
        assertNull(queue.offer(155, false));
        assertEquals(1, queue.waiting());
    }

    @Test
    void a_trigger_while_it_runs_leads_to_exactly_one_more_run_after_it() {
        ReconcileQueue.Ticket t = queue.offer(155, false);
        assertTrue(queue.claim(t));
        assertNull(queue.offer(155, false));
        assertNull(queue.offer(155, true));
        assertEquals(0, queue.waiting());
        ReconcileQueue.Ticket again = queue.finished(155);
        assertNotNull(again);
        assertTrue(again.urgent());                                   // the urgent trigger keeps its urgency
        assertTrue(queue.claim(again));
        assertNull(queue.finished(155));                              // nothing came during the second run
        assertEquals(0, queue.running());
    }

    @Test
    void a_project_never_runs_twice_at_once() {
        ReconcileQueue.Ticket t = queue.offer(155, false);
        assertTrue(queue.claim(t));
        assertFalse(queue.claim(t));
    }

    @Test
    void an_urgent_trigger_moves_a_waiting_project_ahead_and_its_old_ticket_is_skipped() {
        ReconcileQueue.Ticket background = queue.offer(155, false);
        ReconcileQueue.Ticket urgent = queue.offer(155, true);
        assertNotNull(urgent);
        assertNull(queue.offer(155, false));                          // stays urgent
        assertFalse(queue.claim(background));
        assertTrue(queue.claim(urgent));
    }

    @Test
    void urgent_tickets_come_out_of_the_backlog_first_then_the_oldest() throws Exception {
        List<ReconcileQueue.Ticket> order = new ArrayList<>();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (long p : new long[] {1, 2, 3}) add(context, queue.offer(p, false));
            add(context, queue.offer(4, true));
            add(context, queue.offer(5, false));
            add(context, queue.offer(6, true));
            while (!queue.backlog().isEmpty()) order.add(queue.backlog().poll().getMessage().getBody(ReconcileQueue.Ticket.class));
        }
        assertEquals(List.of(4L, 6L, 1L, 2L, 3L, 5L), order.stream().map(ReconcileQueue.Ticket::project).toList());
    }

    @Test
    void a_lost_ticket_is_issued_again_in_its_place() {
        ReconcileQueue quick = new ReconcileQueue(Duration.ZERO);
        ReconcileQueue.Ticket lost = quick.offer(155, false);     // never reaches the backlog
        quick.offer(156, false);
        ReconcileQueue.Ticket again = quick.offer(155, false);
        assertNotNull(again);
        assertEquals(lost.number(), again.number(), "it keeps its place in line");
        assertTrue(quick.claim(again));
    }

    @Test
    void a_waiting_project_keeps_its_place_when_passes_take_longer_than_the_interval() throws Exception {
        ReconcileQueue slow = new ReconcileQueue(Duration.ZERO);   // every waiting mark is old at once: passes outlast the interval
        List<Long> ran = new ArrayList<>();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (int tick = 0; tick < 5; tick++) {
                for (long p = 1; p <= 5; p++) add(context, slow, slow.offer(p, false));   // a full pass asks for every project
                ReconcileQueue.Ticket next;                                                 // one worker runs one project a tick
                do {
                    next = slow.backlog().poll().getMessage().getBody(ReconcileQueue.Ticket.class);
                } while (!slow.claim(next));
                ran.add(next.project());
                slow.finished(next.project());
            }
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ran, "each project gets its turn within one pass");
    }

    private void add(DefaultCamelContext context, ReconcileQueue.Ticket ticket) {
        add(context, queue, ticket);
    }

    private static void add(DefaultCamelContext context, ReconcileQueue queue, ReconcileQueue.Ticket ticket) {
        if (ticket == null) return;
        Exchange e = new DefaultExchange(context);
        e.getMessage().setBody(ticket);
        queue.backlog().add(e);
    }
}
