package com.srsync.cluster;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.loop.ReconcileAdmission;
import com.srsync.loop.ReconcileQueue;
import com.srsync.loop.ReconcileRun;
import com.srsync.loop.WriteFence;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The promises the writing code keeps: a run writes only in the leadership term it started in, and at most N runs hold a permit. */
class OneWriterTest {
    private final ElectionStub election = new ElectionStub("replica-a");
    private final Leadership leadership = Leadership.on("file", election);
    private final ReconcileQueue queue = new ReconcileQueue(Duration.ofMinutes(10));
    private final WriteFence fence = new WriteFence(leadership);

    private ReconcileRun start(ReconcileAdmission admission, long project) {
        return admission.start(queue.offer(project, false));
    }

    @Test
    void a_run_writes_only_in_the_term_it_started_in_even_when_the_lead_comes_back() throws Exception {
        leadership.join();
        election.elect("replica-a");
        ReconcileRun run = start(new ReconcileAdmission(queue, leadership, 2), 155);
        assertNotNull(run);
        assertDoesNotThrow(() -> fence.check(run));

        election.elect("replica-b");
        assertThrows(LeadershipLostException.class, () -> fence.check(run), "a standby sends nothing it had in hand");
        assertThrows(LeadershipLostException.class, () -> fence.check(null), "nor anything outside a run");

        election.elect("replica-a");                     // back in the lead: another replica led meanwhile
        assertThrows(LeadershipLostException.class, () -> fence.check(run), "a plan of the old term is never sent");
        assertDoesNotThrow(() -> fence.check(null));
    }

    @Test
    void a_standby_starts_no_run() throws Exception {
        leadership.join();
        election.elect("replica-b");
        assertNull(start(new ReconcileAdmission(queue, leadership, 2), 155));
        assertEquals(0, queue.running(), "the ticket is given back");
    }

    @Test
    void at_most_n_runs_hold_a_permit_and_the_next_starts_when_one_ends() throws Exception {
        leadership.join();
        election.elect("replica-a");
        ReconcileAdmission admission = new ReconcileAdmission(queue, leadership, 1);
        ReconcileRun first = start(admission, 155);
        assertEquals(1, admission.running());

        CompletableFuture<ReconcileRun> second = CompletableFuture.supplyAsync(() -> start(admission, 156));
        Thread.sleep(500);
        assertTrue(!second.isDone(), "a second run started while the first held the only permit");
        assertEquals(1, admission.running());

        admission.end(first);
        assertNotNull(second.get(5, TimeUnit.SECONDS));
        assertEquals(1, admission.running());
        admission.end(first);                             // ending twice hands back nothing more
        assertEquals(1, admission.running());
    }

    @Test
    void a_run_waiting_for_a_permit_gives_up_when_the_lead_is_lost() throws Exception {
        leadership.join();
        election.elect("replica-a");
        ReconcileAdmission admission = new ReconcileAdmission(queue, leadership, 1);
        start(admission, 155);
        CompletableFuture<ReconcileRun> waiting = CompletableFuture.supplyAsync(() -> start(admission, 156));
        Thread.sleep(300);
        election.elect("replica-b");
        assertNull(waiting.get(5, TimeUnit.SECONDS));
    }
}
