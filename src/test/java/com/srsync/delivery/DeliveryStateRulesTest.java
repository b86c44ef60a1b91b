package com.srsync.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * One artist's state on one job, from the console's words. Each row: Alex's machine on the console
 * (online / offline / error:message / absent), the job's run status (none: no run), Alex's row in the
 * run ("status completed/total", none: not in the run, unread: rows not read yet), the studio storage's
 * file count; then the state and a part of its detail.
 */
class DeliveryStateRulesTest {
    private static final TrackedJob JOB = new TrackedJob(155, 1004, "HybridWork_TST_TST_010_0010", "TST_010_0010", List.of(1213L),
            List.of(new TrackedJob.Agent(4, "primary_storage", null), new TrackedJob.Agent(2, "enduser", "Alex Trial")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ready: online, in the run, files reached the primary's | online         | working  | synced 12/12   | 12 | ready   | file list complete",
        "a synced word does not beat the counts                  | online         | working  | synced 10/12   | 12 | syncing | 10 of 12 files",
        "syncing: behind the primary's count                     | online         | finished | syncing 3/12   | 12 | syncing | 3 of 12 files",
        "its own total lagging is not ready                      | online         | working  | syncing 9/9    | 12 | syncing | 9 of 12 files",
        "offline wins over a complete row                        | offline        | working  | synced 12/12   | 12 | offline | offline since 2026-12-03 09:12 UTC",
        "an error on the agent                                   | error:Disk full | working | synced 12/12   | 12 | error   | Disk full",
        "an error on the run's row                               | online         | working  | error 5/12     | 12 | error   | the console reports an error",
        "not in the run yet                                      | online         | working  | none           | 12 | waiting | not in the job's run yet",
        "no run yet                                              | online         | none     | none           | 12 | waiting | no run on the console yet",
        "rows not read yet                                       | online         | working  | unread         | 12 | waiting | not read yet",
        "a status word not known here is shown raw               | online         | working  | Quarantined 12/12 | 12 | unknown | the console says \"Quarantined\"",
        "UI spellings with spaces are known                      | online         | working  | No peers 2/12  | 12 | syncing | 2 of 12 files",
        "not listed by the console                               | absent         | working  | synced 12/12   | 12 | unknown | does not list agent 2",
        "a timed-out run                                         | online         | timeout  | synced 12/12   | 12 | error   | stopped: timeout",
        "a paused run                                            | online         | paused   | synced 12/12   | 12 | waiting | paused",
    })
    void an_artists_state_comes_from_the_consoles_words(String rule, String machine, String runStatus, String row, long primaryFiles,
                                                         String state, String detail) {
        AgentDelivery alex = alexOf(assess(machine, runStatus, row, primaryFiles, true));
        assertEquals(state, alex.state().word(), rule + ": " + alex);
        assertTrue(alex.detail().contains(detail), rule + ": " + alex.detail());
    }

    /**
     * The studio storage's own row decides whether its count can be compared with: its word (none: it gave
     * none), its file count, and whether that count grew since the read before. Alex's row is complete against
     * whatever count it gives.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "a settled storage: ready                         | synced      | 12 | false | ready   | file list complete",
        "the storage still indexing: never ready          | indexing    | 12 | false | syncing | the studio storage is still indexing (12 files so far",
        "UI spelling with a space                         | Writing ACL | 12 | false | syncing | the studio storage is still indexing",
        "loading                                          | loading     | 12 | false | syncing | the studio storage is still indexing",
        "a count of zero is no count yet                  | synced      | 0  | false | waiting | no files counted yet",
        "indexing with nothing counted yet                | indexing    | 0  | false | waiting | no files counted yet",
        "a count still growing since the last read        | synced      | 12 | true  | syncing | still growing",
        "no word from the storage                         | none        | 12 | false | syncing | gives no status yet",
        "a word not known here is shown raw, never ready  | Quarantined | 12 | false | syncing | the studio storage says \"Quarantined\"",
        "an error on the storage's row                    | error       | 12 | false | syncing | the studio storage reports an error",
    })
    void an_artist_is_ready_only_against_a_settled_studio_storage(String rule, String word, long files, boolean growing, String state,
                                                                   String detail) {
        Map<Long, RunAgentRow> rows = new HashMap<>();
        rows.put(4L, new RunAgentRow(4, word, "rw", files, files, List.of()));
        rows.put(2L, new RunAgentRow(2, "synced", "srw", files, files, List.of()));
        JobDelivery job = DeliveryAssessment.assess(JOB, agents("online", true), new RunRecord(77, 1004, "working", files, List.of(), "x"),
                rows, Instant.now(), growing);
        AgentDelivery alex = alexOf(job);
        assertEquals(state, alex.state().word(), rule + ": " + alex);
        assertTrue(alex.detail().contains(detail), rule + ": " + alex.detail());
        if (!state.equals("ready")) assertTrue(DeliverySummary.of(job).startsWith("0/1 ready - studio storage "), DeliverySummary.of(job));
    }

    @Test
    void an_error_on_a_machine_that_is_also_offline_is_shown_with_both() {
        Map<Long, ConsoleAgent> agents = agents("online", true);
        agents.put(2L, new ConsoleAgent(2, "MacBook", false, Instant.parse("2026-12-03T09:12:00Z"), null, List.of("Disk is full")));
        JobDelivery job = DeliveryAssessment.assess(JOB, agents, new RunRecord(77, 1004, "working", 12L, List.of(), "x"),
                rows("synced 10/12", 12), Instant.now());
        AgentDelivery alex = alexOf(job);
        assertEquals(DeliveryState.ERROR, alex.state());
        assertEquals(Boolean.FALSE, alex.online());
        assertEquals("offline since 2026-12-03 09:12 UTC; error: Disk is full", alex.detail());
        assertEquals("0/1 ready - Alex Trial offline since 09:12 UTC, error: Disk is full", DeliverySummary.of(job));
    }

    @Test
    void a_jobs_state_is_its_worst_agents_and_an_offline_primary_blocks_every_artist() {
        JobDelivery job = assess("online", "working", "synced 12/12", 12, false);
        assertEquals(DeliveryState.OFFLINE, job.state());
        AgentDelivery alex = alexOf(job);
        assertEquals(DeliveryState.READY, alex.state(), "what Alex has stays true");
        assertEquals(DeliveryState.OFFLINE, job.agents().get(0).state());

        JobDelivery behind = assess("online", "working", "syncing 3/12", 12, false);
        assertTrue(alexOf(behind).detail().contains("the studio storage is offline"), alexOf(behind).detail());
    }

    @Test
    void an_unknown_run_status_makes_the_job_unknown_and_run_errors_make_it_an_error() {
        assertEquals(DeliveryState.UNKNOWN, assess("online", "Migrating", "synced 12/12", 12, true).state());
        RunRecord failing = new RunRecord(77, 1004, "working", 12L, List.of("Destination path is not writable"), "x");
        JobDelivery job = DeliveryAssessment.assess(JOB, agents("online", true), failing, rows("synced 12/12", 12), Instant.now());
        assertEquals(DeliveryState.ERROR, job.state());
    }

    @Test
    void the_states_order_error_offline_unknown_waiting_syncing_ready() {
        assertEquals(List.of(DeliveryState.ERROR, DeliveryState.OFFLINE, DeliveryState.UNKNOWN, DeliveryState.WAITING,
                DeliveryState.SYNCING, DeliveryState.READY), List.of(DeliveryState.values()));
        assertEquals(DeliveryState.OFFLINE, DeliveryState.READY.worse(DeliveryState.OFFLINE));
        assertEquals(DeliveryState.ERROR, DeliveryState.ERROR.worse(DeliveryState.WAITING));
    }

    private static JobDelivery assess(String machine, String runStatus, String row, long primaryFiles, boolean primaryOnline) {
        RunRecord run = runStatus.equals("none") ? null : new RunRecord(77, 1004, runStatus, primaryFiles, List.of(), "x");
        return DeliveryAssessment.assess(JOB, agents(machine, primaryOnline), run, row.equals("unread") ? null : rows(row, primaryFiles),
                Instant.now());
    }

    private static Map<Long, ConsoleAgent> agents(String machine, boolean primaryOnline) {
        Map<Long, ConsoleAgent> agents = new HashMap<>();
        agents.put(4L, new ConsoleAgent(4, "Linux_Remote", primaryOnline, Instant.parse("2026-12-03T09:00:00Z"), null, List.of()));
        Instant seen = Instant.parse("2026-12-03T09:12:00Z");
        switch (machine.split(":")[0]) {
            case "online" -> agents.put(2L, new ConsoleAgent(2, "MacBook", true, seen, null, List.of()));
            case "offline" -> agents.put(2L, new ConsoleAgent(2, "MacBook", false, seen, null, List.of()));
            case "error" -> agents.put(2L, new ConsoleAgent(2, "MacBook", true, seen, null, List.of(machine.substring(6))));
            default -> { }
        }
        return agents;
    }

    private static Map<Long, RunAgentRow> rows(String alexRow, long primaryFiles) {
        Map<Long, RunAgentRow> rows = new HashMap<>();
        rows.put(4L, new RunAgentRow(4, "synced", "rw", primaryFiles, primaryFiles, List.of()));
        if (!alexRow.equals("none")) {
            int space = alexRow.lastIndexOf(' ');
            String[] counts = alexRow.substring(space + 1).split("/");
            rows.put(2L, new RunAgentRow(2, alexRow.substring(0, space), "srw", Long.parseLong(counts[1]), Long.parseLong(counts[0]), List.of()));
        }
        return rows;
    }

    private static AgentDelivery alexOf(JobDelivery job) {
        return job.agents().stream().filter(a -> "Alex Trial".equals(a.artist())).findFirst().orElseThrow();
    }
}
