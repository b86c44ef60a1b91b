package com.srsync.resilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.srsync.reconcile.ObservedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentJobListTest {
    private static final List<ObservedJob> JOBS = List.of(new ObservedJob(1, "HybridWork_TST_TST_010_0010", "d", List.of()));
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final RecentJobList list = new RecentJobList(clock, Duration.ofSeconds(10));

    private void readNow() {
        list.read(list.reading(), JOBS);
    }

    @Test
    void gives_the_list_as_read_while_no_write_of_ours_came_since() {
        assertNull(list.recent());
        readNow();
        now = now.plusSeconds(9);
        assertEquals(JOBS, list.recent());
    }

    @Test
    void a_write_that_starts_after_the_read_makes_it_unusable() {
        readNow();
        list.writing();
        assertNull(list.recent());
        list.written();
        assertNull(list.recent(), "nor after the write: the list does not hold it");
    }

    @Test
    void a_list_read_while_a_write_was_under_way_is_not_kept() {
        list.writing();
        RecentJobList.Reading reading = list.reading();
        list.written();
        assertEquals(JOBS, list.read(reading, JOBS), "the caller still gets what it read");
        assertNull(list.recent());
    }

    @Test
    void a_list_read_while_a_write_started_and_ended_is_not_kept() {
        RecentJobList.Reading reading = list.reading();
        list.writing();
        list.written();
        list.read(reading, JOBS);
        assertNull(list.recent());
    }

    @Test
    void a_job_found_otherwise_than_listed_makes_the_list_unusable() {
        readNow();
        list.outdated();                             // a write's read-before-write found it renamed or gone
        assertNull(list.recent());
    }

    @Test
    void a_failed_write_counts_as_a_write() {
        readNow();
        list.writing();
        list.written();                              // whatever the outcome
        RecentJobList.Reading after = list.reading();
        list.read(after, JOBS);
        assertEquals(JOBS, list.recent(), "a list read after it is kept");
    }

    @Test
    void a_list_older_than_the_bound_is_read_anew_and_let_go() {
        readNow();
        now = now.plusSeconds(10);
        list.forgetOld();                            // the timer of routes/resilio.yaml
        now = now.minusSeconds(10);
        assertNull(list.recent(), "let go of, not only hidden");
        readNow();
        now = now.plusSeconds(10);
        assertNull(list.recent());
    }

    @Test
    void with_no_reuse_configured_nothing_is_kept() {
        RecentJobList never = new RecentJobList(clock, Duration.ZERO);
        never.read(never.reading(), JOBS);
        assertNull(never.recent());
    }
}
