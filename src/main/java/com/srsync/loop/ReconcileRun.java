package com.srsync.loop;

import com.srsync.failure.DeadLetterStore;
import com.srsync.reconcile.JobKind;
import com.srsync.reconcile.JobNames;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One reconcile of one project, from its first read to its end: the permit it holds (one of
 * RECONCILE_CONCURRENCY, {@link ReconcileAdmission}), the leadership term it was started in (no write
 * of it leaves the replica outside that term, {@link WriteFence}), its plan, and how its writes went.
 * The routes pass this one object along ({@code variable run}); its split's messages share it, so its
 * counters are thread-safe.
 */
public final class ReconcileRun {
    private final long project;
    private final long term;
    private final long startedAtMillis;
    private final AtomicBoolean permitHeld = new AtomicBoolean(true);
    private volatile ProjectPlan plan;
    private final AtomicInteger createdShots = new AtomicInteger();
    private final AtomicInteger createdAssets = new AtomicInteger();
    private final AtomicInteger updatedShots = new AtomicInteger();
    private final AtomicInteger updatedAssets = new AtomicInteger();
    private final AtomicInteger deletedShots = new AtomicInteger();
    private final AtomicInteger deletedAssets = new AtomicInteger();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();
    private final Map<JobOperation, Long> deferred = new ConcurrentHashMap<>();
    private final List<String> abandoned = new CopyOnWriteArrayList<>();

    ReconcileRun(long project, long term, long startedAtMillis) {
        this.project = project;
        this.term = term;
        this.startedAtMillis = startedAtMillis;
    }

    /** A run whose plan is known already (tests of the apply routes). */
    public static ReconcileRun of(ProjectPlan plan, long term) {
        ReconcileRun run = new ReconcileRun(plan.projectId(), term, System.currentTimeMillis());
        run.plan = plan;
        return run;
    }

    public long getProject() {
        return project;
    }

    /** The leadership term this run was started in. */
    public long term() {
        return term;
    }

    /** The plan, once made; null while the run is still reading. */
    public ProjectPlan getPlan() {
        return plan;
    }

    /** The writes to make, in order (none when the plan is blocked or the project left alone). */
    public List<JobOperation> getWrites() {
        return plan == null ? List.of() : plan.writes();
    }

    void planned(ProjectPlan plan) {
        this.plan = plan;
    }

    /** True once: the permit is handed back. */
    boolean releasePermit() {
        return permitHeld.compareAndSet(true, false);
    }

    void applied(JobOperation op) {
        boolean assets = op.getDesired() != null ? op.getDesired().kind() != JobKind.SHOT      // a delete: by its name's form
                : op.getJobName().endsWith("_" + JobNames.ASSETS_SUFFIX) || JobNames.isAssetJob(op.getJobName(), plan.tankName());
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

    /** A write the console asked to wait for: not sent; the project is planned again after {@code wait}. */
    void deferred(JobOperation op, Duration wait) {
        deferred.put(op, System.currentTimeMillis() + wait.toMillis());
    }

    /** A write not sent because this replica no longer leads in the run's term. */
    void abandoned(JobOperation op) {
        abandoned.add(op == null ? "a write" : op.toString());
    }

    /** The writes not sent because the lead was lost, as words. */
    List<String> abandonedWrites() {
        return List.copyOf(abandoned);
    }

    boolean isAbandoned() {
        return !abandoned.isEmpty();
    }

    /** The writes left for a later reconcile. */
    Collection<JobOperation> deferredWrites() {
        return List.copyOf(deferred.keySet());
    }

    /** When the last deferred write may be tried again (epoch millis), or 0 when none was deferred. */
    long deferredUntil() {
        return deferred.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The operations that were not written in this reconcile (failed, skipped or deferred), by {@link DeadLetterStore#keyOf}. */
    Set<String> unwrittenOperations() {
        Set<String> all = new HashSet<>(failed);
        all.addAll(skipped);
        for (JobOperation op : deferred.keySet()) all.add(DeadLetterStore.keyOf(op));
        return all;
    }

    /** True when a job changed on the console under one of this reconcile's writes: its project is planned again soon. */
    public boolean isPlanAgain() {
        return !skipped.isEmpty();
    }

    public int failures() {
        return failed.size();
    }

    Duration elapsed() {
        return Duration.ofMillis(System.currentTimeMillis() - startedAtMillis);
    }

    String summary() {
        long ms = System.currentTimeMillis() - startedAtMillis;
        return "project " + project + " (" + plan.tankName() + ") in " + ms + " ms - "
                + "Created: " + createdShots + " shot, " + createdAssets + " assets | "
                + "Updated: " + updatedShots + " shot, " + updatedAssets + " assets | "
                + "Deleted: " + deletedShots + " shot, " + deletedAssets + " assets | "
                + "Failed: " + failed.size() + (deferred.isEmpty() ? "" : " | Deferred: " + deferred.size())
                + " | Skipped artists: " + plan.skippedArtists().size();
    }
}
