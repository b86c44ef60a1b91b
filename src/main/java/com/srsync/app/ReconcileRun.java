package com.srsync.app;

import com.srsync.reconcile.JobKind;
import com.srsync.reconcile.JobNames;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One reconcile of one project while it runs: its plan, its start, and how its writes went. Shared by
 * the split's messages, so its counters are thread-safe.
 */
public final class ReconcileRun {
    private final ProjectPlan plan;
    private final long startedAtMillis;
    private final AtomicInteger createdShots = new AtomicInteger();
    private final AtomicInteger createdAssets = new AtomicInteger();
    private final AtomicInteger updatedShots = new AtomicInteger();
    private final AtomicInteger updatedAssets = new AtomicInteger();
    private final AtomicInteger deletedShots = new AtomicInteger();
    private final AtomicInteger deletedAssets = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    ReconcileRun(ProjectPlan plan, long startedAtMillis) {
        this.plan = plan;
        this.startedAtMillis = startedAtMillis;
    }

    public ProjectPlan getPlan() {
        return plan;
    }

    void applied(JobOperation op) {
        boolean assets = op.getDesired() != null ? op.getDesired().kind() == JobKind.ASSETS
                : op.getJobName().endsWith("_" + JobNames.ASSETS_SUFFIX);
        (switch (op.action()) {
            case CREATE -> assets ? createdAssets : createdShots;
            case UPDATE -> assets ? updatedAssets : updatedShots;
            case DELETE -> assets ? deletedAssets : deletedShots;
        }).incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    int failures() {
        return failed.get();
    }

    String summary() {
        long ms = System.currentTimeMillis() - startedAtMillis;
        return "project " + plan.projectId() + " (" + plan.tankName() + ") in " + ms + " ms - "
                + "Created: " + createdShots + " shot, " + createdAssets + " assets | "
                + "Updated: " + updatedShots + " shot, " + updatedAssets + " assets | "
                + "Deleted: " + deletedShots + " shot, " + deletedAssets + " assets | "
                + "Failed: " + failed + " | Skipped artists: " + plan.skippedArtists().size();
    }
}
