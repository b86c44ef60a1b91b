package com.srsync.delivery;

import com.srsync.cluster.TermScoped;
import com.srsync.reconcile.JobAttribution;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ObservedJob;
import com.srsync.reconcile.ProjectSnapshot;
import com.srsync.reconcile.ShotRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service knows of delivery: the managed jobs it follows (from each reconcile's reads and its own
 * writes), and the console's last words on agents, runs and runs' agents (from the delivery poll). The
 * admin API, the status page and the metrics read it; none of them calls the console.
 *
 * <p>A failed poll keeps what was read before and marks it stale, with its age. Leader-scoped: on a change
 * of term everything is dropped, and what a poll of an earlier term still brings in is ignored.
 */
public final class DeliveryBoard implements TermScoped {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryBoard.class);

    /**
     * A run's agent rows as last read.
     *
     * @param storageFiles   the studio storage's file count in them
     * @param storageGrowing whether that count grew since the read before
     */
    private record RowsRead(Map<Long, RunAgentRow> rows, String fingerprint, Instant at, Long storageFiles, boolean storageGrowing) {}

    private final Clock clock;
    private final Duration refresh;
    private final int readsPerPoll;
    private final JobNaming naming;
    private final ConsoleReadings readings;
    private final LongSupplier term;
    private final Map<Long, TrackedJob> jobs = new TreeMap<>();
    private final Map<Long, String> tanks = new HashMap<>();
    private final Map<Long, Map<String, List<Long>>> shotIds = new HashMap<>();   // each project's active shots' ids by code
    private final Set<Long> written = new HashSet<>();
    private final Map<Long, ConsoleAgent> agents = new HashMap<>();
    private final Map<Long, Instant> agentChangedAt = new HashMap<>();   // when an agent last went offline, came back or changed errors
    private final Map<Long, RunRecord> runByJob = new HashMap<>();
    private final Map<Long, RowsRead> rowsByRun = new HashMap<>();
    private Instant lastFullRuns;
    private Instant checkedAt;
    private Instant failedAt;
    private String failure;
    private String pagingProblem;
    private long changes;                        // bumped by every change: the view of all projects is made once per change
    private long viewedAt = -1;
    private DeliveryView all;

    /**
     * @param refresh      every run is listed again at least this often (DELIVERY_REFRESH_MS)
     * @param readsPerPoll the most single reads (a written job's run, a run's agents) one poll makes
     * @param term         this replica's leadership term now (0 on a standby)
     */
    public DeliveryBoard(Clock clock, Duration refresh, int readsPerPoll, JobNaming naming, ConsoleReadings readings, LongSupplier term) {
        this.clock = clock;
        this.refresh = refresh;
        this.readsPerPoll = readsPerPoll;
        this.naming = naming;
        this.readings = readings;
        this.term = term;
    }

    // --- what the reconcile knows -------------------------------------------------------------

    /** After a plan: the project's managed jobs as the console listed them are the ones followed. */
    public synchronized void planned(ProjectSnapshot snapshot, List<ObservedJob> consoleJobs) {
        changes++;
        long project = snapshot.projectId();
        Set<Long> followed = new HashSet<>();                       // this project's jobs as followed until now
        jobs.values().removeIf(j -> j.project() == project && followed.add(j.jobId()));
        tanks.put(project, snapshot.tankName());
        Map<String, List<Long>> ids = new HashMap<>();
        for (ShotRecord shot : snapshot.shots()) ids.computeIfAbsent(shot.code(), c -> new ArrayList<>()).add(shot.id());
        shotIds.put(project, ids);
        if (snapshot.directory().leftAlone(project).isPresent()) return;
        for (ObservedJob job : JobAttribution.of(snapshot.directory(), consoleJobs).jobsOf(project)) {
            jobs.put(job.id(), naming.tracked(project, snapshot.tankName(), ids, job.id(), job.name(), job.description(), job.agents()));
            if (!followed.contains(job.id())) written.add(job.id());   // new to the board: read at the next poll
        }
    }

    /** After a write was accepted: the job is read at the next poll; a deleted one is no longer followed. */
    public synchronized void wrote(JobOperation op, Long createdId) {
        changes++;
        switch (op.actionType()) {
            case DELETE -> {
                jobs.remove(op.getJobId());
                written.remove(op.getJobId());
            }
            case CREATE, UPDATE -> {
                Long id = op.actionType() == JobOperation.Action.CREATE ? createdId : op.getJobId();
                if (id == null || op.getDesired() == null) return;   // the console gave no id: the next reconcile's read names it
                jobs.put(id, naming.tracked(op.getProjectId(), tanks.get(op.getProjectId()),
                        shotIds.getOrDefault(op.getProjectId(), Map.of()), id, op.getJobName(), op.getDesired().description(),
                        op.getDesired().agents()));
                written.add(id);
            }
        }
    }

    /** The ids of the project's active shots as its last reconcile read them, or null when it was not reconciled in this term. */
    public synchronized Set<Long> activeShotIds(long project) {
        Map<String, List<Long>> ids = shotIds.get(project);
        if (ids == null) return null;
        Set<Long> out = new HashSet<>();
        ids.values().forEach(out::addAll);
        return out;
    }

    // --- the poll ------------------------------------------------------------------------------

    /**
     * A new round, in this term. It reads the whole run list when that is due (DELIVERY_REFRESH_MS), and also
     * when more jobs wait to be read than the list has pages (a takeover, a first pass): a page lists 500 runs.
     */
    public synchronized DeliveryPoll startPoll() {
        written.retainAll(jobs.keySet());
        long pages = jobs.size() / DeliveryPoll.RUNS_PAGE + 1;
        boolean full = lastFullRuns == null || !clock.instant().isBefore(lastFullRuns.plus(refresh)) || written.size() > pages;
        return new DeliveryPoll(term.getAsLong(), full, written, readsPerPoll);
    }

    /** True when the round belongs to this term: what a round of an earlier term reads is dropped. */
    private boolean current(DeliveryPoll poll) {
        return poll.term() != 0 && poll.term() == term.getAsLong();
    }

    public synchronized void agentsRead(DeliveryPoll poll, String json) throws IOException {
        List<ConsoleAgent> read = readings.agents(json);
        if (!current(poll)) return;
        changes++;
        Map<Long, ConsoleAgent> before = new HashMap<>(agents);
        agents.clear();
        for (ConsoleAgent a : read) {
            agents.put(a.id(), a);
            ConsoleAgent was = before.get(a.id());
            if (was != null && (was.online() != a.online() || !was.errors().equals(a.errors()))) agentChangedAt.put(a.id(), clock.instant());
        }
    }

    public void runsPageRead(DeliveryPoll poll, String json) throws IOException {
        poll.pageRead(readings.runs(json));
    }

    /** A written job's own run: the newest of those listed, or none yet. */
    public synchronized void jobRunRead(DeliveryPoll poll, long jobId, String json) throws IOException {
        List<RunRecord> runs = readings.runs(json);
        if (!current(poll)) return;
        changes++;
        runs.forEach(poll::keep);
        if (runs.isEmpty()) runByJob.remove(jobId);
    }

    /**
     * The runs whose agents this poll reads, within its budget: written jobs first, then runs never read,
     * then runs that changed since they were read (or whose storage was still counting), then the longest
     * unread beyond DELIVERY_REFRESH_MS.
     */
    public synchronized List<Long> runsToRead(DeliveryPoll poll) {
        if (!current(poll)) return List.of();
        changes++;
        Instant now = clock.instant();
        if (poll.isFullRuns()) {
            runByJob.clear();
            lastFullRuns = now;
            pagingProblem = poll.pagingProblem();
            if (pagingProblem != null) LOG.warn("Delivery poll: {}", pagingProblem);
        }
        for (RunRecord r : poll.runsRead().values()) if (jobs.containsKey(r.jobId())) runByJob.put(r.jobId(), r);
        runByJob.keySet().retainAll(jobs.keySet());
        record Candidate(long runId, int rank, Instant readAt) {}
        List<Candidate> candidates = new ArrayList<>();
        for (RunRecord run : runByJob.values()) {
            RowsRead read = rowsByRun.get(run.id());
            int rank = poll.written().contains(run.jobId()) ? 0
                    : read == null ? 1
                    : changedSince(run, read) ? 2
                    : read.at().plus(refresh).isAfter(now) ? -1 : 3;
            if (rank >= 0) candidates.add(new Candidate(run.id(), rank, read == null ? Instant.EPOCH : read.at()));
        }
        candidates.sort(Comparator.comparingInt(Candidate::rank).thenComparing(Candidate::readAt));
        List<Long> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!poll.spend()) break;
            out.add(c.runId());
        }
        Set<Long> current = new HashSet<>();
        runByJob.values().forEach(r -> current.add(r.id()));
        rowsByRun.keySet().retainAll(current);   // rows of runs no longer followed are let go
        return out;
    }

    /** The run changed, one of its agents changed on the console, or its storage was still counting when last read. */
    private boolean changedSince(RunRecord run, RowsRead read) {
        if (!read.fingerprint().equals(run.fingerprint()) || agentChangedSince(run.jobId(), read.at())) return true;
        TrackedJob job = jobs.get(run.jobId());
        return job != null && DeliveryAssessment.storageUnsettled(job, read.rows(), read.storageGrowing());
    }

    /** True when one of the job's agents changed on the console after {@code readAt}: its row may have too. */
    private boolean agentChangedSince(long jobId, Instant readAt) {
        TrackedJob job = jobs.get(jobId);
        return job != null && job.agents().stream().map(a -> agentChangedAt.get(a.agentId())).anyMatch(at -> at != null && !at.isBefore(readAt));
    }

    public synchronized void runAgentsRead(DeliveryPoll poll, long runId, String json) throws IOException {
        List<RunAgentRow> read = readings.runAgents(json);
        if (!current(poll)) return;
        changes++;
        Map<Long, RunAgentRow> rows = new HashMap<>();
        for (RunAgentRow row : read) rows.put(row.agentId(), row);
        RunRecord run = runByJob.values().stream().filter(r -> r.id() == runId).findFirst().orElse(null);
        TrackedJob job = run == null ? null : jobs.get(run.jobId());
        Long storage = job == null ? null : DeliveryAssessment.storageFiles(job, rows);
        RowsRead before = rowsByRun.get(runId);
        boolean growing = before != null && before.storageFiles() != null && storage != null && storage > before.storageFiles();
        rowsByRun.put(runId, new RowsRead(rows, run == null ? "" : run.fingerprint(), clock.instant(), storage, growing));
    }

    /** The round read everything it set out to: the state is current. */
    public synchronized void pollDone(DeliveryPoll poll) {
        if (!current(poll)) return;
        changes++;
        written.removeAll(poll.handled());
        checkedAt = clock.instant();
        failure = null;
        failedAt = null;
    }

    /** The round failed part-way: what was read stays, marked stale; written jobs are read at the next one. */
    public synchronized void pollFailed(DeliveryPoll poll, String why) {
        if (poll != null && !current(poll)) return;
        changes++;
        failure = why;
        failedAt = clock.instant();
    }

    @Override
    public synchronized void forgetTerm() {
        changes++;
        jobs.clear();
        tanks.clear();
        shotIds.clear();
        written.clear();
        agents.clear();
        agentChangedAt.clear();
        runByJob.clear();
        rowsByRun.clear();
        lastFullRuns = null;
        checkedAt = null;
        failedAt = null;
        failure = null;
        pagingProblem = null;
    }

    // --- what it shows -------------------------------------------------------------------------

    /** Every followed job's delivery, of one project or all (null), ordered by project and name. */
    public synchronized DeliveryView view(Long project) {
        if (project == null) {                  // the metrics ask for it once per gauge and scrape
            if (viewedAt != changes) {
                all = assess(null);
                viewedAt = changes;
            }
            return all;
        }
        return assess(project);
    }

    /** What was wrong with the console's paging of runs at the last full round, or null. */
    public synchronized String pagingProblem() {
        return pagingProblem;
    }

    private DeliveryView assess(Long project) {
        List<JobDelivery> out = new ArrayList<>();
        for (TrackedJob job : jobs.values()) {
            if (project != null && job.project() != project) continue;
            RunRecord run = runByJob.get(job.jobId());
            RowsRead read = run == null ? null : rowsByRun.get(run.id());
            out.add(DeliveryAssessment.assess(job, agents, run, read == null ? null : read.rows(), read == null ? null : read.at(),
                    read != null && read.storageGrowing()));
        }
        out.sort(Comparator.comparingLong((JobDelivery j) -> j.job().project()).thenComparing(j -> j.job().name()));
        List<ConsoleAgent> offline = new ArrayList<>();
        Set<Long> used = new HashSet<>();
        for (JobDelivery j : out) j.agents().forEach(a -> used.add(a.agentId()));
        for (Long id : used) {
            ConsoleAgent a = agents.get(id);
            if (a != null && !a.online()) offline.add(a);
        }
        offline.sort(Comparator.comparingLong(ConsoleAgent::id));
        return new DeliveryView(checkedAt, failedAt, failure, out, offline);
    }
}
