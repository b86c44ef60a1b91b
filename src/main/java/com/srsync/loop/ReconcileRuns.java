package com.srsync.loop;

import com.srsync.events.EventRelevance;
import com.srsync.failure.DeadLetterStore;
import com.srsync.failure.WriteAttempts;
import com.srsync.failure.WriteRetries;
import com.srsync.http.Upstreams;
import com.srsync.observe.SyncMetrics;
import com.srsync.observe.UpstreamHealth;
import com.srsync.reconcile.FolderNames;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import com.srsync.reconcile.SkippedArtist;
import com.srsync.shotgrid.UnknownProjectException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The course of reconciles: what a plan left out or refused when it starts, each failed write (into
 * the dead-letter store), each write the console deferred or the lost lead abandoned, one line per
 * reconcile with its counts, like the old tool's "Sync complete - Created: …" line, and whether and
 * when the project must be reconciled again.
 */
public final class ReconcileRuns {
    private static final Logger LOG = LoggerFactory.getLogger("com.srsync.reconcile");

    private final DeadLetterStore deadLetters;
    private final ReconcileRetries retries;
    private final SyncMetrics metrics;
    private final UpstreamHealth health;
    private final AtomicLong ended = new AtomicLong();
    private final SkippedShotWarnings skippedShots = new SkippedShotWarnings(LOG);

    private final Upstreams upstreams;

    private final RunHistory history;
    private final WriteAttempts attempts;

    public ReconcileRuns(DeadLetterStore deadLetters, ReconcileRetries retries, SyncMetrics metrics, UpstreamHealth health, Upstreams upstreams,
                         RunHistory history, WriteAttempts attempts) {
        this.history = history;
        this.attempts = attempts;
        this.upstreams = upstreams;
        this.deadLetters = deadLetters;
        this.retries = retries;
        this.metrics = metrics;
        this.health = health;
    }

    /** The run's plan is made (its reads can be let go): logs what it left out or refused. */
    public void planned(ReconcileRun run, ProjectPlan plan) {
        run.planned(plan);
        if (plan.leftAlone() != null) {
            LOG.warn("Project {}: {}", plan.projectId(), plan.leftAlone());
        }
        for (SkippedArtist s : plan.skippedArtists()) {
            LOG.warn("Project {} ({}): artist '{}' skipped: {}", plan.projectId(), plan.tankName(), FolderNames.printable(s.name()), s.reason());
        }
        skippedShots.warnAbout(plan);
        for (String name : plan.conflicts()) {
            LOG.warn("Project {} ({}): job {} not made: its name would also read as a project's with a longer tank name, "
                    + "or two of the project's jobs would share it (GET /admin/plan lists it under name_conflicts)",
                    plan.projectId(), plan.tankName(), name);
        }
        if (plan.isBlocked()) {
            LOG.error("Project {} ({}): DELETE GUARD blocked this reconcile: it would delete {} of {} managed jobs. "
                    + "Nothing was written. Check GET /admin/plan?project={}; if the deletes are right, raise "
                    + "DELETE_GUARD_FRACTION / DELETE_GUARD_MIN (1 switches the guard off) and sync again.",
                    plan.projectId(), plan.tankName(), plan.guard().deletes(), plan.guard().managed(), plan.projectId());
        }
    }

    /**
     * A write made, or skipped because the job changed under it.
     *
     * @param notAsPlanned null when the write was made; otherwise why the job it was planned for is no longer
     *                     that job (renamed, recorded as another project's, gone): the project is planned again
     */
    public void applied(ReconcileRun run, JobOperation op, String notAsPlanned) {
        if (notAsPlanned != null) {
            LOG.warn("Project {}: {} {} skipped: {}; the project will be planned again", op.getProjectId(), op.getAction(), op.getJobName(), notAsPlanned);
            run.skipped(op);
            return;
        }
        run.applied(op);
        attempts.forget(op);
        metrics.wrote(op.getAction(), "ok");
    }

    /**
     * A write the console asked to wait for longer than an in-line retry: it is not sent later as it was
     * planned; the run goes on with its other writes and the project is planned again when it is due.
     */
    public void deferred(ReconcileRun run, JobOperation op, WriteRetries.Decision decision) {
        run.deferred(op, decision.delay());
        metrics.wrote(op.getAction(), "deferred");
    }

    /** A write not sent because this replica no longer leads in the run's term; the run's end says what was abandoned. */
    public void abandoned(ReconcileRun run, JobOperation op) {
        if (run != null) run.abandoned(op);
        if (op != null) metrics.wrote(op.getAction(), "abandoned");
    }

    /** A write that still failed after its retries and was dead-lettered: its project is reconciled again later. */
    public void failed(ReconcileRun run, JobOperation op) {
        run.failed(op);
        metrics.wrote(op.getAction(), "failed");
        metrics.deadLettered();
    }

    /**
     * A reconcile that stopped before writing: its project is not in ShotGrid, or a read failed (for
     * "all": the list of projects could not be read). After a transient failure the same trigger, a
     * project or "all", is scheduled again with a backoff.
     */
    public void stopped(Object project, Exception error) {
        ended.incrementAndGet();
        metrics.reconcileError("read");
        UnknownProjectException unknown = cause(error, UnknownProjectException.class);
        if (unknown != null) {
            LOG.warn("{}", unknown.getMessage());
            return;
        }
        String what = EventRelevance.ALL.equals(String.valueOf(project)) ? "all projects" : "project " + project;
        String why = error == null ? "unknown error" : upstreams.describe(error, null);
        LOG.error("Reconcile of {} stopped before any write: {}", what, why);
        history.add(String.valueOf(project), null, 0, "stopped", 0, 0, 0, 0, why);
        boolean transientFailure = error == null || Upstreams.status(error) == null || Upstreams.isTransient(error);
        if (transientFailure) retries.afterFailure(project, why);
        else retries.stoppedFor(project, why);            // not retried (a refusal): the safety net tries again; reported if it lasts
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }

    /** How many reconciles have ended, written or stopped. */
    public long ended() {
        return ended.get();
    }

    /**
     * Logs the reconcile's line, settles its dead letters, and schedules it again if a write failed or
     * was deferred. A run that lost the lead settles and schedules nothing: the new leader owns the project.
     */
    public void finish(ReconcileRun run, boolean dryRun) {
        ended.incrementAndGet();
        ProjectPlan plan = run.getPlan();
        if (run.isAbandoned()) {
            abandon(run);
            return;
        }
        attempts.keepOnly(plan.projectId(), run.deferredWrites());
        String outcome = outcome(run, dryRun);
        metrics.reconciled(outcome, run.elapsed());
        history.add(String.valueOf(plan.projectId()), plan.tankName(), run.elapsed().toMillis(), outcome, plan.creates().size(),
                plan.updates().size(), plan.deletes().size(), run.failures(), plan.leftAlone() != null ? plan.leftAlone()
                        : run.deferredUntil() > 0 ? "the console asked to wait; the project is planned again at "
                        + java.time.Instant.ofEpochMilli(run.deferredUntil()) : null);
        if (plan.leftAlone() != null) return;
        metrics.planned("create", plan.creates().size());
        metrics.planned("update", plan.updates().size());
        metrics.planned("delete", plan.deletes().size());
        metrics.skippedArtists(plan.skippedArtists().size());
        if (plan.isBlocked()) metrics.guardBlocked();
        deadLetters.settle(plan, run.unwrittenOperations(), !dryRun && !plan.isBlocked());
        log(run, dryRun);
        String failed = run.failures() + " write" + (run.failures() == 1 ? "" : "s") + " dead-lettered (GET /admin/dead-letters)";
        if (run.deferredUntil() > 0) {
            if (run.failures() > 0) {
                metrics.reconcileError("write");
                retries.afterFailure(plan.projectId(), failed);
            }
            retries.notBefore(plan.projectId(), run.deferredUntil());   // planned again from fresh reads, when the console is ready
        } else if ((run.isPlanAgain() || plan.isSwitching() && !dryRun && !plan.isBlocked()) && run.failures() == 0) {
            // a job changed under a write, or an assets mode switch made the new jobs: the old ones go in the next plan
            retries.succeeded(plan.projectId());
            retries.planAgain(plan.projectId());      // planned again after the first delay, from what the console has now
            if (!plan.isBlocked()) health.reconcileSucceeded();
        } else if (run.failures() == 0) {
            retries.succeeded(plan.projectId());
            if (!plan.isBlocked()) health.reconcileSucceeded();
        } else {
            metrics.reconcileError("write");
            retries.afterFailure(plan.projectId(), failed);
        }
    }

    private void abandon(ReconcileRun run) {
        ProjectPlan plan = run.getPlan();
        metrics.reconciled("abandoned", run.elapsed());
        history.add(String.valueOf(run.getProject()), plan == null ? null : plan.tankName(), run.elapsed().toMillis(), "abandoned",
                0, 0, 0, 0, "this replica lost the lead; the new leader reconciles the project");
        LOG.warn("Project {}: this replica lost the lead during its reconcile; not sent: {}. The leader's takeover pass owns the project.",
                run.getProject(), String.join(", ", run.abandonedWrites()));
    }

    private static String outcome(ReconcileRun run, boolean dryRun) {
        ProjectPlan plan = run.getPlan();
        if (plan.leftAlone() != null) return "left_alone";
        if (dryRun) return "dry_run";
        if (plan.isBlocked()) return "blocked";
        if (run.failures() > 0) return "failed_writes";
        if (run.deferredUntil() > 0) return "deferred";
        return plan.writes().isEmpty() ? "no_change" : "written";
    }

    private void log(ReconcileRun run, boolean dryRun) {
        ProjectPlan plan = run.getPlan();
        if (dryRun) {
            LOG.info("Dry run - project {} ({}): would create {}, update {}, delete {}{}", plan.projectId(), plan.tankName(),
                    plan.creates().size(), plan.updates().size(), plan.deletes().size(), plan.isBlocked() ? " (blocked by the delete guard)" : "");
        } else if (plan.isBlocked()) {
            LOG.error("Sync blocked - {}", run.summary());
        } else if (run.failures() > 0) {
            LOG.error("Sync incomplete - {}", run.summary());
        } else if (run.deferredUntil() > 0) {
            LOG.warn("Sync deferred - {}; the console asked to wait: planned again at {}", run.summary(),
                    java.time.Instant.ofEpochMilli(run.deferredUntil()));
        } else {
            LOG.info("Sync complete - {}", run.summary());
        }
    }
}
