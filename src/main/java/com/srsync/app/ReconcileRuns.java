package com.srsync.app;

import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import com.srsync.reconcile.SkippedArtist;
import com.srsync.shotgrid.UnknownProjectException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of reconciles: what a plan left out or refused when it starts, each failed write, and one
 * line per reconcile with its counts, like the old tool's "Sync complete - Created: …" line.
 */
public final class ReconcileRuns {
    private static final Logger LOG = LoggerFactory.getLogger("com.srsync.reconcile");

    private final AtomicLong ended = new AtomicLong();

    /** @param startedAt when the reconcile started reading, so its duration covers the reads */
    public ReconcileRun begin(ProjectPlan plan, java.util.Date startedAt) {
        if (plan.leftAlone() != null) {
            LOG.warn("Project {}: {}", plan.projectId(), plan.leftAlone());
        }
        for (SkippedArtist s : plan.skippedArtists()) {
            LOG.warn("Project {} ({}): artist '{}' skipped: {}", plan.projectId(), plan.tankName(), s.name(), s.reason());
        }
        for (String name : plan.conflicts()) {
            LOG.warn("Project {} ({}): job {} not created: the name belongs to a project with a longer tank name",
                    plan.projectId(), plan.tankName(), name);
        }
        if (plan.isBlocked()) {
            LOG.error("Project {} ({}): DELETE GUARD blocked this reconcile: it would delete {} of {} managed jobs. "
                    + "Nothing was written. Check GET /admin/plan?project={}; if the deletes are right, raise "
                    + "DELETE_GUARD_FRACTION / DELETE_GUARD_MIN (1 switches the guard off) and sync again.",
                    plan.projectId(), plan.tankName(), plan.guard().deletes(), plan.guard().managed(), plan.projectId());
        }
        return new ReconcileRun(plan, startedAt == null ? System.currentTimeMillis() : startedAt.getTime());
    }

    public void applied(ReconcileRun run, JobOperation op) {
        run.applied(op);
    }

    public void failed(ReconcileRun run, JobOperation op, Exception error) {
        run.failed();
        LOG.error("Project {}: {} failed: {}", op.getProjectId(), op, error == null ? "unknown error" : error.getMessage());
    }

    /** A reconcile that stopped before writing: its project is not in ShotGrid, or a read failed. */
    public void stopped(Object project, Exception error) {
        ended.incrementAndGet();
        if (error instanceof UnknownProjectException) {
            LOG.warn("{}", error.getMessage());
        } else {
            LOG.error("Reconcile of project {} stopped before any write: {}", project, error == null ? "unknown error" : error.getMessage());
        }
    }

    /** How many reconciles have ended, written or stopped. */
    public long ended() {
        return ended.get();
    }

    public void finish(ReconcileRun run, boolean dryRun) {
        ended.incrementAndGet();
        ProjectPlan plan = run.getPlan();
        if (plan.leftAlone() != null) return;
        if (dryRun) {
            LOG.info("Dry run - project {} ({}): would create {}, update {}, delete {}{}", plan.projectId(), plan.tankName(),
                    plan.creates().size(), plan.updates().size(), plan.deletes().size(), plan.isBlocked() ? " (blocked by the delete guard)" : "");
        } else if (plan.isBlocked()) {
            LOG.error("Sync blocked - {}", run.summary());
        } else if (run.failures() > 0) {
            LOG.error("Sync incomplete - {}", run.summary());
        } else {
            LOG.info("Sync complete - {}", run.summary());
        }
    }
}
