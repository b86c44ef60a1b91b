package com.srsync.loop;

import com.srsync.reconcile.JobKind;
import com.srsync.reconcile.JobNames;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import com.srsync.failure.DeadLetterStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();

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
        (switch (op.actionType()) {
            case CREATE -> assets ? createdAssets : createdShots;
            case UPDATE -> assets ? updatedAssets : updatedShots;
            case DELETE -> assets ? deletedAssets : deletedShots;
        }).incrementAndGet();
    }

    void failed(JobOperation op) {
        failed.add(DeadLetterStore.keyOf(op));
    }

    /** A write skipped because its job changed on the console after the plan was made. */
    void skipped(JobOperation op) {
        skipped.add(DeadLetterStore.keyOf(op));
    }

    /** The operations that were not written in this reconcile (failed or skipped), by {@link DeadLetterStore#keyOf}. */
    Set<String> unwrittenOperations() {
        Set<String> all = new java.util.HashSet<>(failed);
        all.addAll(skipped);
        return all;
    }

    /** True when a job changed on the console under one of this reconcile's writes: its project is planned again soon. */
    public boolean isPlanAgain() {
        return !skipped.isEmpty();
    }

    public int failures() {
        return failed.size();
    }

    java.time.Duration elapsed() {
        return java.time.Duration.ofMillis(System.currentTimeMillis() - startedAtMillis);
    }

    String summary() {
        long ms = System.currentTimeMillis() - startedAtMillis;
        return "project " + plan.projectId() + " (" + plan.tankName() + ") in " + ms + " ms - "
                + "Created: " + createdShots + " shot, " + createdAssets + " assets | "
                + "Updated: " + updatedShots + " shot, " + updatedAssets + " assets | "
                + "Deleted: " + deletedShots + " shot, " + deletedAssets + " assets | "
                + "Failed: " + failed.size() + " | Skipped artists: " + plan.skippedArtists().size();
    }
}
