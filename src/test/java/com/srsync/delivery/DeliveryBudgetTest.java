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
    private long term = 1;
    private final DeliveryBoard board = new DeliveryBoard(clock, Duration.ofMinutes(5), 30,
            new JobNaming(() -> new SyncRules(new StorageAgent(4, "Linux_Remote", OsPaths.fromSingleBase("/s")), List.of(),
                    new PathTemplates("${PROJECT}/${SEQUENCE}/${SHOT}", "${PROJECT}/assets"), JobSettings.defaults(), Set.of("active"))),
            new ConsoleReadings(new ObjectMapper()), () -> term);

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
        firstReads.forEach(run -> readAgents(first, run));
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

    private void readAgents(DeliveryPoll poll, long run) {
        try {
            board.runAgentsRead(poll, run, "{\"data\": [{\"agent_id\": 4, \"status\": \"synced\", \"permission\": \"rw\", \"files_total\": 4, \"files_completed\": 4}]}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_view_of_all_projects_is_made_once_per_change() throws Exception {
        written(1);
        DeliveryView first = board.view(null);
        assertTrue(first == board.view(null), "no change: the same view, not a second assessment");
        board.agentsRead(board.startPoll(), "[{\"id\": 2, \"name\": \"MacBook\", \"online\": false, \"errors\": []}]");
        DeliveryView after = board.view(null);
        assertFalse(first == after, "a change: a new view");
        assertEquals(DeliveryState.OFFLINE, after.jobs().get(0).agents().get(1).state());
    }

    @Test
    void a_run_whose_storage_is_still_indexing_is_read_again_at_the_next_poll_until_it_settles() throws Exception {
        written(1);
        DeliveryPoll first = board.startPoll();
        board.agentsRead(first, "[{\"id\": 4, \"name\": \"Linux_Remote\", \"online\": true, \"errors\": []}]");
        board.runsPageRead(first, runs(1, 1));
        assertEquals(List.of(500_001L), board.runsToRead(first));
        storageRow(first, "indexing", 40);
        board.pollDone(first);
        assertEquals(DeliveryState.SYNCING, board.view(null).jobs().get(0).agents().get(0).state());

        clock.advance(Duration.ofMinutes(1));
        DeliveryPoll second = board.startPoll();
        assertEquals(List.of(500_001L), board.runsToRead(second), "the run did not change, but its storage was still counting");
        storageRow(second, "synced", 90);                          // says synced, but its count grew since the last read
        assertTrue(board.view(null).jobs().get(0).agents().get(0).detail().contains("still growing"));

        clock.advance(Duration.ofMinutes(1));
        DeliveryPoll third = board.startPoll();
        assertEquals(List.of(500_001L), board.runsToRead(third));
        storageRow(third, "synced", 90);
        assertEquals(DeliveryState.READY, board.view(null).jobs().get(0).agents().get(0).state(), "settled: the count stopped growing");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), board.runsToRead(board.startPoll()), "settled and unchanged: not read again before DELIVERY_REFRESH_MS");
    }

    private void storageRow(DeliveryPoll poll, String word, long files) throws Exception {
        board.runAgentsRead(poll, 500_001, "{\"data\": [{\"agent_id\": 4, \"status\": \"" + word + "\", \"permission\": \"rw\", "
                + "\"files_total\": " + files + ", \"files_completed\": " + files + "}]}");
    }

    @Test
    void a_change_of_term_drops_everything_and_what_an_earlier_terms_poll_brings_is_ignored() throws Exception {
        written(1);
        DeliveryPoll old = board.startPoll();
        board.agentsRead(old, "[{\"id\": 2, \"name\": \"MacBook\", \"online\": false, \"errors\": []}]");
        board.runsPageRead(old, runs(1, 1));
        board.pollDone(old);
        assertEquals(1, board.view(null).offline().size());

        term = 0;                                                  // this replica is a standby now
        board.forgetTerm();
        assertEquals(List.of(), board.view(null).jobs());
        assertEquals(List.of(), board.view(null).offline());
        assertEquals(null, board.view(null).checkedAt());
        board.agentsRead(old, "[{\"id\": 2, \"name\": \"MacBook\", \"online\": false, \"errors\": []}]");
        board.pollDone(old);
        assertEquals(null, board.view(null).checkedAt(), "a poll still in flight from the last term changes nothing");
    }

    @Test
    void the_run_list_is_read_to_its_end_when_the_console_pages_below_500_and_never_for_ever() throws Exception {
        for (long job = 1; job <= 250; job++) written(job);
        DeliveryPoll poll = board.startPoll();
        board.runsPageRead(poll, runs(1, 100));
        assertTrue(poll.isMore(), "a page of 100 may not be the last");
        board.runsPageRead(poll, runs(101, 200));
        board.runsPageRead(poll, runs(201, 250));
        assertFalse(poll.isMore(), "a page shorter than the others is the last");
        assertEquals(250, poll.runsRead().size());

        DeliveryPoll small = board.startPoll();                     // a console that ignores offset answers the same page again:
        board.runsPageRead(small, runs(1, 100));                    // with all of its runs on it, nothing is missed
        board.runsPageRead(small, runs(1, 100));
        assertFalse(small.isMore());
        assertEquals(null, small.pagingProblem());
        DeliveryPoll ignoring = board.startPoll();                  // with a full first page, runs beyond it are not seen: said
        board.runsPageRead(ignoring, runs(1, 500));
        board.runsPageRead(ignoring, runs(1, 500));
        assertFalse(ignoring.isMore());
        assertTrue(ignoring.pagingProblem().contains("ignore offset"), ignoring.pagingProblem());

        DeliveryPoll endless = new DeliveryPoll(term, true, Set.of(), 30, 20);   // a console that always has more
        long id = 0;
        while (endless.isMore() && id < 10_000_000) {
            board.runsPageRead(endless, runs(id + 1, id + 500));
            id += 500;
        }
        assertEquals(20 * 500L, id, "stopped after the page cap");
        assertTrue(endless.pagingProblem().contains("more after 20 pages"), endless.pagingProblem());
    }
}
