package com.srsync.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.reconcile.DesiredJob;
import com.srsync.reconcile.JobAgent;
import com.srsync.reconcile.JobKind;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.OsPaths;
import com.srsync.reconcile.PathTemplates;
import com.srsync.reconcile.SyncRules;
import com.srsync.reconcile.JobSettings;
import com.srsync.reconcile.StorageAgent;
import com.srsync.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What one poll reads: the run list only when due, single reads within the budget, the most urgent first. */
class DeliveryBudgetTest {
    private static final JobAgent PRIMARY = new JobAgent(4, JobAgent.PRIMARY_STORAGE, "rw", OsPaths.fromSingleBase("/s"), true, null);
    private static final JobAgent ALEX = new JobAgent(2, JobAgent.END_USER, "srw", OsPaths.fromSingleBase("/v"), null, 1);
    private final MutableClock clock = new MutableClock();
    private final DeliveryBoard board = new DeliveryBoard(clock, Duration.ofMinutes(5), 30,
            new JobNaming(() -> new SyncRules(new StorageAgent(4, "Linux_Remote", OsPaths.fromSingleBase("/s")), List.of(),
                    new PathTemplates("${PROJECT}/${SEQUENCE}/${SHOT}", "${PROJECT}/assets"), JobSettings.defaults(), Set.of("active"))),
            new ConsoleReadings(new ObjectMapper()));

    private void written(long jobId) {
        board.wrote(JobOperation.create(155, new DesiredJob("HybridWork_TST_S" + jobId, JobKind.SHOT, "hybrid_work", "", List.of(PRIMARY, ALEX))), jobId);
    }

    private static String runs(long from, long to) {
        List<String> out = new ArrayList<>();
        for (long job = from; job <= to; job++) {
            out.add("{\"id\": " + (job + 500_000) + ", \"job_id\": " + job + ", \"status\": \"working\", \"files_total\": 4, \"errors\": []}");
        }
        return "{\"data\": [" + String.join(",", out) + "]}";
    }

    @Test
    void many_new_jobs_are_read_from_the_run_list_and_their_agents_thirty_a_poll() throws Exception {
        for (long job = 1; job <= 2000; job++) written(job);
        DeliveryPoll first = board.startPoll();
        assertTrue(first.isFullRuns(), "2,000 jobs to read: the run list (5 pages) is cheaper than 2,000 single reads");
        assertEquals(List.of(), first.singleRunJobs());
        for (long from = 1; from <= 2000; from += 500) board.runsPageRead(first, runs(from, Math.min(2000, from + 499)));
        assertEquals(30, board.runsToRead(first).size(), "the budget");
        board.pollDone(first);

        clock.advance(Duration.ofMinutes(1));
        DeliveryPoll second = board.startPoll();
        assertFalse(second.isFullRuns(), "the list is not due again for five minutes");
        assertEquals(30, board.runsToRead(second).size(), "the next 30 never-read runs");
    }

    @Test
    void a_job_written_between_full_reads_is_looked_up_alone_and_read_first() throws Exception {
        for (long job = 1; job <= 40; job++) written(job);
        DeliveryPoll first = board.startPoll();
        board.runsPageRead(first, runs(1, 40));
        List<Long> firstReads = board.runsToRead(first);
        firstReads.forEach(run -> readAgents(run));
        board.pollDone(first);

        clock.advance(Duration.ofMinutes(1));
        written(41);
        DeliveryPoll second = board.startPoll();
        assertFalse(second.isFullRuns());
        assertEquals(List.of(41L), second.singleRunJobs(), "GET /runs?job_id=41");
        board.jobRunRead(second, 41, runs(41, 41));
        List<Long> reads = board.runsToRead(second);
        assertEquals(500_041L, reads.get(0), "the written job's run first");
        assertEquals(11, reads.size(), "its run and the 10 never read; the 30 read a minute ago wait for DELIVERY_REFRESH_MS");
        assertTrue(reads.stream().skip(1).allMatch(run -> run > 500_030), "then the runs never read");

        clock.advance(Duration.ofMinutes(5));
        DeliveryPoll later = board.startPoll();
        assertTrue(later.isFullRuns(), "five minutes on: the whole list again");
    }

    private void readAgents(long run) {
        try {
            board.runAgentsRead(run, "{\"data\": [{\"agent_id\": 4, \"status\": \"synced\", \"permission\": \"rw\", \"files_total\": 4, \"files_completed\": 4}]}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_view_of_all_projects_is_made_once_per_change() throws Exception {
        written(1);
        DeliveryView first = board.view(null);
        assertTrue(first == board.view(null), "no change: the same view, not a second assessment");
        board.agentsRead("[{\"id\": 2, \"name\": \"MacBook\", \"online\": false, \"errors\": []}]");
        DeliveryView after = board.view(null);
        assertFalse(first == after, "a change: a new view");
        assertEquals(DeliveryState.OFFLINE, after.jobs().get(0).agents().get(1).state());
    }
}
