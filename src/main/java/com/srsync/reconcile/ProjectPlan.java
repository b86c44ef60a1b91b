package com.srsync.reconcile;

import java.util.List;

/**
 * The plan for one project: the writes, who and what was skipped, and the delete guard's verdict.
 *
 * @param leftAlone     null when the project was planned; otherwise why it was not (its jobs are then untouched)
 * @param orphaned      when the project is left alone: its jobs, which no reconcile looks after until it is fixed
 * @param skippedAssets needed assets that get no job of their own (per_asset), and why
 * @param keptForSwitch jobs of the other assets mode kept as they are until the jobs replacing them exist: the
 *                      project is planned again soon, to let them go
 */
public record ProjectPlan(long projectId, String tankName, List<JobOperation> operations,
                          List<SkippedArtist> skippedArtists, List<SkippedShot> skippedShots, List<String> conflicts,
                          GuardVerdict guard, String leftAlone, List<OrphanedJobs> orphaned, List<SkippedAsset> skippedAssets,
                          List<String> keptForSwitch) {
    public ProjectPlan {
        operations = List.copyOf(operations);
        skippedArtists = List.copyOf(skippedArtists);
        skippedShots = List.copyOf(skippedShots);
        conflicts = List.copyOf(conflicts);
        orphaned = List.copyOf(orphaned);
        skippedAssets = List.copyOf(skippedAssets);
        keptForSwitch = List.copyOf(keptForSwitch);
    }

    public ProjectPlan(long projectId, String tankName, List<JobOperation> operations, List<SkippedArtist> skippedArtists,
                       List<SkippedShot> skippedShots, List<String> conflicts, GuardVerdict guard, String leftAlone,
                       List<OrphanedJobs> orphaned) {
        this(projectId, tankName, operations, skippedArtists, skippedShots, conflicts, guard, leftAlone, orphaned, List.of(), List.of());
    }

    /** True while the project switches assets mode: jobs of the old mode wait for the new ones, so it is planned again soon. */
    public boolean isSwitching() {
        return !keptForSwitch.isEmpty();
    }

    public static ProjectPlan leftAlone(long projectId, String tankName, String why, List<OrphanedJobs> orphaned) {
        return new ProjectPlan(projectId, tankName, List.of(), List.of(), List.of(), List.of(), new GuardVerdict(false, 0, 0), why, orphaned);
    }

    public List<JobOperation> creates() { return only(JobOperation.Action.CREATE); }
    public List<JobOperation> updates() { return only(JobOperation.Action.UPDATE); }
    public List<JobOperation> deletes() { return only(JobOperation.Action.DELETE); }

    public boolean isBlocked() {
        return guard.blocked();
    }

    /** The writes to make: none when the guard blocked the plan or the project is left alone. Deletes go last. */
    public List<JobOperation> writes() {
        if (isBlocked() || leftAlone != null) return List.of();
        return operations;
    }

    private List<JobOperation> only(JobOperation.Action action) {
        return operations.stream().filter(o -> o.actionType() == action).toList();
    }
}
