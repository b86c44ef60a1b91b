package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code plan(snapshot, jobs)}: which of the console's jobs are this project's, what should exist,
 * what to write, and whether the delete guard lets it happen. Pure.
 */
public final class Reconciler {
    private final SyncRules rules;
    private final JobPlanner planner;
    private final DeleteGuard guard;

    public Reconciler(SyncRules rules, DeleteGuard guard) {
        this.rules = rules;
        this.planner = new JobPlanner(rules);
        this.guard = guard;
    }

    /**
     * @param consoleJobs every job the console has; unmanaged jobs and other projects' jobs are ignored
     */
    public ProjectPlan plan(ProjectSnapshot snapshot, List<ObservedJob> consoleJobs) {
        return plan(snapshot, JobAttribution.of(snapshot.directory(), consoleJobs));
    }

    /**
     * Plans many projects against one console listing, attributing each job once: what an
     * all-projects pass costs.
     */
    public List<ProjectPlan> planStudio(ProjectDirectory directory, List<ProjectSnapshot> snapshots, List<ObservedJob> consoleJobs) {
        JobAttribution attribution = JobAttribution.of(directory, consoleJobs);
        // projects are independent and planning is pure: plan them in parallel, keeping their order
        return snapshots.parallelStream().map(s -> plan(s, attribution)).toList();
    }

    /** The plan of one project, its jobs already attributed. */
    public ProjectPlan plan(ProjectSnapshot snapshot, JobAttribution attribution) {
        long project = snapshot.projectId();
        String tank = snapshot.tankName();
        Optional<String> leftAlone = snapshot.directory().leftAlone(project);
        if (leftAlone.isPresent()) return ProjectPlan.leftAlone(project, tank, leftAlone.get(), attribution.orphanedOf(project));
        List<ObservedJob> managed = attribution.jobsOf(project);
        DesiredState desired = planner.desired(snapshot);
        if (desired.refusal() != null) {
            return ProjectPlan.leftAlone(project, tank, desired.refusal(),
                    List.of(new OrphanedJobs(project, managed.stream().map(ObservedJob::name).sorted().toList(), desired.refusal())));
        }
        List<JobOperation> ops = new ArrayList<>(JobDiff.diff(project, desired.jobs(), managed, name -> deleteReason(snapshot, desired, name)));
        ops.sort(Comparator.comparingInt(o -> o.action().ordinal()));
        int deletes = (int) ops.stream().filter(o -> o.action() == JobOperation.Action.DELETE).count();
        return new ProjectPlan(project, tank, ops, desired.skippedArtists(), desired.skippedShots(), desired.conflicts(),
                guard.check(deletes, managed.size()), null, List.of());
    }

    private String deleteReason(ProjectSnapshot snapshot, DesiredState desired, String jobName) {
        String tank = snapshot.tankName();
        if (jobName.equals(JobNames.assetsJob(tank))) return "no artist on an active shot";
        String prefix = JobNames.PREFIX + tank + "_";
        if (!jobName.startsWith(prefix)) return "made under another tank_name; the project's tank_name is now " + tank;
        String code = jobName.substring(prefix.length());
        Optional<SkippedShot> skipped = desired.skippedShots().stream().filter(s -> code.equals(s.code())).findFirst();
        if (skipped.isPresent()) return "shot skipped: " + skipped.get().reason();
        boolean active = snapshot.shots().stream().anyMatch(s -> code.equals(s.code()) && rules.isActive(s.status()));
        return active ? "no artist assigned" : "shot not active";
    }
}
