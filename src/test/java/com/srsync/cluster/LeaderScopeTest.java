package com.srsync.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** What only the leader refreshes is held in one place and dropped on every change of term, before anything else hears of it. */
class LeaderScopeTest {
    @Test
    void every_piece_forgets_its_term_when_this_replica_starts_or_stops_leading_before_other_listeners_hear_of_it() throws Exception {
        ElectionStub election = new ElectionStub("replica-a");
        election.setCamelContext(new DefaultCamelContext());
        election.start();
        Leadership leadership = Leadership.on("file", election);
        LeaderScope scope = new LeaderScope(leadership);
        List<String> told = new ArrayList<>();
        scope.hold("delivery board", () -> told.add("delivery board"));
        scope.hold("webhook silence", () -> told.add("webhook silence"));
        leadership.onChange(leads -> told.add("routes " + (leads ? "started" : "stopped")));
        leadership.join();

        election.elect("replica-a");
        assertEquals(List.of("delivery board", "webhook silence", "routes started"), told);
        told.clear();
        election.elect("replica-b");
        assertEquals(List.of("delivery board", "webhook silence", "routes stopped"), told);
        assertEquals(List.of("delivery board", "webhook silence"), scope.names());
    }
}
