package com.srsync.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.support.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries are spent in time, not in runs: a failing project is tried again within a minute until it succeeds. */
class ReconcileRetriesTest {
    private final MutableClock clock = new MutableClock();
    private final ReconcileRetries retries = new ReconcileRetries(clock, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(10));

    /** Moves the clock until the project is handed out (at most {@code limit}); returns how long that took. */
    private Duration untilDue(String project, Duration limit) {
        Duration waited = Duration.ZERO;
        while (!retries.due().contains(project)) {
            clock.advance(Duration.ofSeconds(1));
            waited = waited.plusSeconds(1);
            if (waited.compareTo(limit) > 0) throw new AssertionError(project + " not due within " + limit);
        }
        return waited;
    }

    @Test
    void runs_a_trigger_starts_during_the_back_off_do_not_lengthen_it() {
        retries.afterFailure(155, "ShotGrid answered 503");
        for (int i = 0; i < 4; i++) {                                  // four more deliveries in a five-second outage, each a failed run
            clock.advance(Duration.ofSeconds(1));
            retries.afterFailure(155, "ShotGrid answered 503");
        }
        Duration waited = untilDue("155", Duration.ofMinutes(2));
        assertTrue(waited.compareTo(Duration.ofSeconds(8)) <= 0, "due " + waited + " after the fifth failure: the first back-off stood");
    }

    @Test
    void a_project_that_keeps_failing_is_tried_again_within_a_minute_until_it_succeeds_and_reported_after_ten() {
        retries.afterFailure(155, "ShotGrid answered 503");
        for (int attempt = 0; attempt < 30; attempt++) {               // half an hour of failures: never given up
            Duration waited = untilDue("155", Duration.ofSeconds(61));
            assertTrue(waited.compareTo(Duration.ofMinutes(1)) <= 0, "try " + attempt + " waited " + waited);
            retries.afterFailure(155, "ShotGrid answered 503");
        }
        List<ReconcileRetries.LongFailure> failing = retries.failing();
        assertEquals(1, failing.size());
        assertEquals("155", failing.get(0).project());
        assertTrue(retries.problem().startsWith("project 155 has failed every reconcile since 2026-12-03T10:00:00Z: ShotGrid answered 503"),
                retries.problem());
        retries.succeeded(155);
        assertEquals(List.of(), retries.failing());
        assertNull(retries.problem(), "the alarm clears with the first success");
        assertEquals(0, retries.waiting());
    }

    @Test
    void a_failure_shorter_than_the_limit_is_not_reported_and_a_refusal_counts_as_failing_without_a_retry() {
        retries.afterFailure(155, "no answer");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), retries.failing());
        retries.stoppedFor(156, "ShotGrid answered 403");
        assertEquals(List.of("155"), retries.due(), "156 is not retried: the safety net tries again");
        clock.advance(Duration.ofMinutes(11));
        retries.stoppedFor(156, "ShotGrid answered 403");
        assertEquals(List.of("155", "156"), retries.failing().stream().map(ReconcileRetries.LongFailure::project).sorted().toList());
    }

    @Test
    void a_deferred_write_plans_again_later_and_is_no_failure() {
        retries.notBefore(155, clock.millis() + 30_000);
        assertEquals(List.of(), retries.due());
        clock.advance(Duration.ofSeconds(31));
        assertEquals(List.of("155"), retries.due());
        assertEquals(List.of(), retries.failing());
        assertEquals(0, retries.waiting());
    }

    @Test
    void a_change_of_term_forgets_every_project() {
        retries.afterFailure(155, "no answer");
        retries.forgetTerm();
        assertEquals(0, retries.waiting());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), retries.due());
    }
}
