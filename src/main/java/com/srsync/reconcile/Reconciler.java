package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        if (!snapshot.hasTankName()) return leftAlone(snapshot);
        return planManaged(snapshot, managedBy(snapshot.tankName(), snapshot.knownTankNames(), consoleJobs));
    }

    /**
     * Plans many projects against one console listing, attributing each job once: what an
     * all-projects pass costs.
     */
    public List<ProjectPlan> planStudio(List<ProjectSnapshot> snapshots, List<ObservedJob> consoleJobs) {
        Set<String> tanks = new HashSet<>();
        for (ProjectSnapshot s : snapshots) {
            tanks.addAll(s.knownTankNames());
            if (s.hasTankName()) tanks.add(s.tankName());
        }
        Map<String, List<ObservedJob>> byOwner = new HashMap<>();
        for (ObservedJob job : consoleJobs) {
            JobNames.owner(job.name(), tanks).ifPresent(t -> byOwner.computeIfAbsent(t, k -> new ArrayList<>()).add(job));
        }
        // projects are independent and planning is pure: plan them in parallel, keeping their order
        return snapshots.parallelStream()
                .map(s -> s.hasTankName() ? planManaged(s, byOwner.getOrDefault(s.tankName(), List.of())) : leftAlone(s))
                .toList();
    }

    private static ProjectPlan leftAlone(ProjectSnapshot snapshot) {
        return ProjectPlan.leftAlone(snapshot.projectId(), null, "project has no tank_name; its jobs are left alone");
    }

    private ProjectPlan planManaged(ProjectSnapshot snapshot, List<ObservedJob> managed) {
        String tank = snapshot.tankName();
        DesiredState desired = planner.desired(snapshot);
        List<JobOperation> ops = new ArrayList<>(JobDiff.diff(snapshot.projectId(), desired.jobs(), managed,
                name -> deleteReason(snapshot, name)));
        ops.sort(Comparator.comparingInt(o -> o.action().ordinal()));
        int deletes = (int) ops.stream().filter(o -> o.action() == JobOperation.Action.DELETE).count();
        return new ProjectPlan(snapshot.projectId(), tank, ops, desired.skippedArtists(), desired.conflicts(),
                guard.check(deletes, managed.size()), null);
    }

    /** The managed jobs whose names give {@code tank} as the longest matching tank name. */
    public static List<ObservedJob> managedBy(String tank, Set<String> knownTankNames, List<ObservedJob> consoleJobs) {
        Set<String> tanks = new HashSet<>(knownTankNames);
        tanks.add(tank);
        return consoleJobs.stream()
                .filter(j -> JobNames.owner(j.name(), tanks).map(tank::equals).orElse(false))
                .toList();
    }

    private String deleteReason(ProjectSnapshot snapshot, String jobName) {
        String tank = snapshot.tankName();
        if (jobName.equals(JobNames.assetsJob(tank))) return "no artist on an active shot";
        String code = jobName.substring(JobNames.PREFIX.length() + tank.length() + 1);
        boolean active = snapshot.shots().stream().anyMatch(s -> code.equals(s.code()) && rules.isActive(s.status()));
        return active ? "no artist assigned" : "shot not active";
    }
}
