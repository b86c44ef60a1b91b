package com.srsync.delivery;

import com.srsync.reconcile.JobAgent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One job's delivery from the console's words: the agents list, the job's run and the run's agent rows.
 * Pure. A status word not known here is shown raw and makes the state {@code unknown}, never a guess.
 * {@code ready} is claimed only when the agent's file count has reached the studio storage's, and only
 * while that count is settled: the storage's own word is a settled one (not {@code indexing},
 * {@code loading}, …), its count is above zero and did not grow since the read before. Resilio's own sample
 * compares with the source's count, never with the agent's own total, which lags. An error on a machine is
 * shown even when the machine is also offline.
 */
public final class DeliveryAssessment {
    /** Run-agent status words as the console's UI shows them, lower case with underscores. */
    private static final Set<String> KNOWN_AGENT_WORDS = Set.of("synced", "syncing", "indexing", "no_peers", "loading",
            "writing_acl", "downloading", "uploading", "idle", "merging", "transferring", "finished", "working", "error", "scanning");
    /** The studio storage's words once it has counted its folder: its file count can be compared with. */
    private static final Set<String> STORAGE_SETTLED = Set.of("synced", "syncing", "no_peers", "downloading", "uploading", "idle",
            "transferring", "finished", "working");
    private static final Set<String> KNOWN_RUN_WORDS = Set.of("working", "finished", "aborted", "timeout", "paused");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * The studio storage's count as the artists are compared with it.
     *
     * @param files    its file count, or null when not read
     * @param unsettled why the count cannot be compared with yet (still indexing), or null when it can
     */
    private record Storage(Long files, String unsettled) {}

    private DeliveryAssessment() {}

    /**
     * @param agents         the console's agents by id (the last {@code GET /agents})
     * @param run            the job's run, or null when the console showed none
     * @param rows           the run's agent rows by agent id; null when they were not read yet
     * @param storageGrowing true when the storage's file count grew between the last two reads of the rows
     */
    public static JobDelivery assess(TrackedJob job, Map<Long, ConsoleAgent> agents, RunRecord run, Map<Long, RunAgentRow> rows,
                                     Instant readAt, boolean storageGrowing) {
        Storage storage = storage(job, rows, storageGrowing);
        List<AgentDelivery> out = new ArrayList<>();
        for (TrackedJob.Agent agent : job.agents()) out.add(agentState(agent, agents.get(agent.agentId()), run, rows, storage));
        boolean primaryDown = out.stream().anyMatch(a -> a.isPrimary() && a.state() == DeliveryState.OFFLINE);
        if (primaryDown) out.replaceAll(a -> a.isPrimary() || a.state() == DeliveryState.READY ? a : blocked(a));
        DeliveryState state = DeliveryState.READY;
        for (AgentDelivery a : out) state = state.worse(a.state());
        if (run != null && !run.errors().isEmpty()) state = state.worse(DeliveryState.ERROR);
        if (run != null && !KNOWN_RUN_WORDS.contains(word(run.status()))) state = state.worse(DeliveryState.UNKNOWN);
        return new JobDelivery(job, state, run, out, readAt);
    }

    public static JobDelivery assess(TrackedJob job, Map<Long, ConsoleAgent> agents, RunRecord run, Map<Long, RunAgentRow> rows, Instant readAt) {
        return assess(job, agents, run, rows, readAt, false);
    }

    private static AgentDelivery agentState(TrackedJob.Agent agent, ConsoleAgent onConsole, RunRecord run, Map<Long, RunAgentRow> rows,
                                            Storage storage) {
        Long primaryTotal = storage.files();
        if (onConsole == null) {
            return of(agent, DeliveryState.UNKNOWN, null, null, null, primaryTotal, "the console does not list agent " + agent.agentId());
        }
        Boolean online = onConsole.online();
        Instant seen = onConsole.lastSeen();
        RunAgentRow row = rows == null ? null : rows.get(agent.agentId());
        Long completed = row == null ? null : row.filesCompleted();
        if (!onConsole.online()) {
            String since = seen == null ? "offline" : "offline since " + WHEN.format(seen);
            if (!onConsole.errors().isEmpty()) return of(agent, DeliveryState.ERROR, online, seen, completed, primaryTotal,
                    since + DeliverySummary.ERROR_WHILE_OFFLINE + String.join("; ", onConsole.errors()));
            return of(agent, DeliveryState.OFFLINE, online, seen, completed, primaryTotal, since);
        }
        if (!onConsole.errors().isEmpty()) return of(agent, DeliveryState.ERROR, online, seen, completed, primaryTotal, String.join("; ", onConsole.errors()));
        if (run == null) return of(agent, DeliveryState.WAITING, online, seen, null, primaryTotal, "the job has no run on the console yet");
        String runWord = word(run.status());
        if (runWord.equals("aborted") || runWord.equals("timeout")) {
            return of(agent, DeliveryState.ERROR, online, seen, completed, primaryTotal, "the job's run stopped: " + run.status());
        }
        if (runWord.equals("paused")) return of(agent, DeliveryState.WAITING, online, seen, completed, primaryTotal, "the job's run is paused on the console");
        if (rows == null) return of(agent, DeliveryState.WAITING, online, seen, null, primaryTotal, "its progress is not read yet");
        if (row == null) return of(agent, DeliveryState.WAITING, online, seen, null, primaryTotal, "not in the job's run yet");
        String status = word(row.status());
        if (!row.errors().isEmpty()) return of(agent, DeliveryState.ERROR, online, seen, completed, primaryTotal, String.join("; ", row.errors()));
        if (status.equals("error")) return of(agent, DeliveryState.ERROR, online, seen, completed, primaryTotal, "the console reports an error");
        if (row.status() != null && !KNOWN_AGENT_WORDS.contains(status)) {
            return of(agent, DeliveryState.UNKNOWN, online, seen, completed, primaryTotal, "the console says \"" + row.status() + "\"");
        }
        if (JobAgent.PRIMARY_STORAGE.equals(agent.role())) {
            if (storage.unsettled() != null) return of(agent, DeliveryState.SYNCING, online, seen, row.filesCompleted(), row.filesTotal(), storage.unsettled());
            return of(agent, DeliveryState.READY, online, seen, row.filesCompleted(), row.filesTotal(), "online");
        }
        if (storage.unsettled() != null) {
            boolean nothing = primaryTotal == null || primaryTotal == 0;
            return of(agent, nothing ? DeliveryState.WAITING : DeliveryState.SYNCING, online, seen, completed, primaryTotal, storage.unsettled());
        }
        boolean reached = row.filesCompleted() != null && row.filesCompleted() >= primaryTotal
                && (row.filesTotal() == null || row.filesTotal() >= primaryTotal);
        if (reached) return of(agent, DeliveryState.READY, online, seen, completed, primaryTotal, "file list complete");
        return of(agent, DeliveryState.SYNCING, online, seen, completed, primaryTotal,
                (completed == null ? 0 : completed) + " of " + primaryTotal + " files");
    }

    /** True while the studio storage's count cannot be compared with yet: its run is read again at the next poll. */
    static boolean storageUnsettled(TrackedJob job, Map<Long, RunAgentRow> rows, boolean growing) {
        return storage(job, rows, growing).unsettled() != null;
    }

    /** The studio storage's file count in these rows (its own agent's row, or else the read-write one), or null. */
    static Long storageFiles(TrackedJob job, Map<Long, RunAgentRow> rows) {
        return rows == null ? null : storage(job, rows, false).files();
    }

    /**
     * The studio storage's row: its own agent's, or else the run's read-write row. Its count counts only when
     * its word is a settled one, the count is above zero and it did not grow since the read before.
     */
    private static Storage storage(TrackedJob job, Map<Long, RunAgentRow> rows, boolean growing) {
        if (rows == null) return new Storage(null, "the studio storage's file count is not read yet");
        RunAgentRow primary = null;
        for (TrackedJob.Agent a : job.agents()) {
            RunAgentRow row = rows.get(a.agentId());
            if (JobAgent.PRIMARY_STORAGE.equals(a.role()) && row != null) primary = row;
        }
        if (primary == null) primary = rows.values().stream().filter(r -> "rw".equals(r.permission())).findFirst().orElse(null);
        if (primary == null || primary.filesTotal() == null) return new Storage(null, "the studio storage's file count is not known yet");
        long files = primary.filesTotal();
        String so = files == 0 ? "no files counted yet" : files + " files so far";
        if (primary.status() == null) return new Storage(files, "the studio storage gives no status yet (" + so + ")");
        String said = word(primary.status());
        if (!primary.errors().isEmpty() || said.equals("error")) return new Storage(files, "the studio storage reports an error");
        if (!KNOWN_AGENT_WORDS.contains(said)) return new Storage(files, "the studio storage says \"" + primary.status() + "\"");
        if (!STORAGE_SETTLED.contains(said)) {
            return new Storage(files, "the studio storage is still indexing (" + so + "; it says \"" + primary.status() + "\")");
        }
        if (files == 0) return new Storage(files, "the studio storage is still indexing (no files counted yet)");
        if (growing) return new Storage(files, "the studio storage is still indexing (" + so + ", still growing)");
        return new Storage(files, null);
    }

    private static AgentDelivery blocked(AgentDelivery a) {
        return new AgentDelivery(a.agentId(), a.role(), a.artist(), a.state(), a.online(), a.lastSeen(), a.filesCompleted(), a.filesTotal(),
                a.detail() + "; the studio storage is offline, so nothing new can reach this machine", a.permission());
    }

    private static AgentDelivery of(TrackedJob.Agent agent, DeliveryState state, Boolean online, Instant seen, Long completed, Long total,
                                    String detail) {
        return new AgentDelivery(agent.agentId(), agent.role(), agent.artist(), state, online, seen, completed, total, detail, agent.permission());
    }

    /** A console word compared as lower case with underscores for spaces ("No peers" is {@code no_peers}). */
    static String word(String raw) {
        return raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
