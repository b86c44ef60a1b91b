package com.srsync.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LeadershipTest {
    private final ElectionStub election = new ElectionStub("replica-a");
    private final Leadership leadership = Leadership.on("file", election);
    private final List<Boolean> told = new CopyOnWriteArrayList<>();

    LeadershipTest() {
        leadership.onChange(told::add);
    }

    @Test
    void alone_it_always_leads_and_lets_every_request_through() {
        Leadership alone = Leadership.alone();

        assertTrue(alone.isLeader());
        assertFalse(alone.isElected());
        alone.requireLeader();
        assertEquals(200, alone.answer().status());
    }

    @Test
    void an_elected_replica_is_a_standby_until_it_wins() throws Exception {
        assertFalse(leadership.isLeader(), "before it joins");
        leadership.join();
        assertFalse(leadership.isLeader(), "nobody leads yet");
        assertThrows(StandbyException.class, leadership::requireLeader);
        assertEquals(503, leadership.answer().status());

        election.elect("replica-a");

        assertTrue(leadership.isLeader());
        leadership.requireLeader();
        assertEquals("{\"leader\":true,\"replica\":\"replica-a\",\"election\":\"file\"}", leadership.answer().json());
    }

    @Test
    void listeners_are_told_of_each_change_once_and_takeovers_are_counted() throws Exception {
        leadership.join();

        election.elect("replica-a");
        election.elect("replica-a");     // the same answer again: no change
        election.elect("replica-b");     // another replica took over
        election.elect(null);            // nobody leads for a while
        election.elect("replica-a");     // back

        assertEquals(List.of(true, false, true), told);
        assertEquals(2, leadership.takeovers());
        assertTrue(leadership.isLeader());
    }

    @Test
    void a_replica_that_leads_when_it_joins_is_told_at_once() throws Exception {
        election.getView(Leadership.NAMESPACE);
        election.elect("replica-a");

        leadership.join();

        assertEquals(List.of(true), told);
        assertTrue(leadership.isLeader());
    }
}
