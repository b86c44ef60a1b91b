package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code plan(snapshot, jobs)}: which of the console's jobs are this project's, what should exist,
 * what to write, and whether the delete guard lets it happen. Pure.
 */
public final class Reconciler {
    /** The rules, resolved against the console's agents, and their planner: made again only when either changed. */
    private record Planning(SyncRules source, AgentDirectory agents, SyncRules rules, JobPlanner planner, List<String> warnings) {}

    private final Supplier<SyncRules> rules;
    private final DeleteGuard guard;
    private volatile Planning current;

    /** @param rules the rules in force (artists.yaml may change while the service runs) */
    public Reconciler(Supplier<SyncRules> rules, DeleteGuard guard) {
        this.rules = rules;
        this.guard = guard;
    }

    public Reconciler(SyncRules rules, DeleteGuard guard) {
        this(() -> rules, guard);
    }

    /**
     * @param consoleJobs every job the console has; unmanaged jobs and other projects' jobs are ignored
     */
    public ProjectPlan plan(ProjectSnapshot snapshot, List<ObservedJob> consoleJobs) {
        return plan(snapshot, JobAttribution.of(snapshot.directory(), consoleJobs));
    }

    /** The plan {@code candidate} rules would give (a preview of an artists.yaml not yet saved); null: the rules in force. */
    public ProjectPlan plan(ProjectSnapshot snapshot, List<ObservedJob> consoleJobs, SyncRules candidate) {
        return plan(snapshot, consoleJobs, candidate, null);
    }

    /**
     * @param agents the console's agents ({@code GET /agents}): artists.yaml's agents are checked and resolved
     *               against them; null: as last resolved
     * @throws UnresolvedAgentException when the primary storage is not on the console: nothing is planned
     */
    public ProjectPlan plan(ProjectSnapshot snapshot, List<ObservedJob> consoleJobs, SyncRules candidate, AgentDirectory agents) {
        JobAttribution attribution = JobAttribution.of(snapshot.directory(), consoleJobs);
        if (candidate == null) return plan(snapshot, attribution, planning(agents));
        return plan(snapshot, attribution, resolve(candidate, agents == null ? lastAgents() : agents));
    }

    private Planning planning() {
        return planning(null);
    }

    private synchronized Planning planning(AgentDirectory agents) {
        SyncRules now = rules.get();
        Planning p = current;
        AgentDirectory directory = agents != null ? agents : lastAgents();
        if (p == null || p.source() != now || !java.util.Objects.equals(p.agents(), directory)) {
            p = resolve(now, directory);
            current = p;
        }
        return p;
    }

    private AgentDirectory lastAgents() {
        Planning p = current;
        return p == null ? null : p.agents();
    }

    private static Planning resolve(SyncRules source, AgentDirectory agents) {
        if (agents == null) return new Planning(source, null, source, new JobPlanner(source), List.of());
        AgentResolution resolution = AgentResolution.of(source, agents);
        return new Planning(source, agents, resolution.rules(), new JobPlanner(resolution.rules()), resolution.warnings());
    }

    /** The rules the last plan used: artists.yaml's, with agents as the console named them. */
    public SyncRules rulesInForce() {
        Planning p = current;
        return p == null ? rules.get() : p.rules();
    }

    /** What the last resolution against the console's agents found worth saying (an agent_name that differs from the console's). */
    public List<String> agentWarnings() {
        Planning p = current;
        return p == null ? List.of() : p.warnings();
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
        return plan(snapshot, attribution, planning());
    }

    private ProjectPlan plan(ProjectSnapshot snapshot, JobAttribution attribution, Planning planning) {
        SyncRules rules = planning.rules();
        JobPlanner planner = planning.planner();
        long project = snapshot.projectId();
        String tank = snapshot.tankName();
        Optional<String> leftAlone = snapshot.directory().leftAlone(project);
        if (leftAlone.isPresent()) return ProjectPlan.leftAlone(project, tank, leftAlone.get(), attribution.orphanedOf(project));
        List<ObservedJob> owned = attribution.jobsOf(project);
        java.util.Map<String, ObservedJob> ownJobs = new java.util.HashMap<>();
        for (ObservedJob job : owned) ownJobs.putIfAbsent(job.name(), job);
        DesiredState desired = planner.desired(snapshot, ownJobs);
        List<ObservedJob> managed = owned.stream()                              // a held name, a job kept for a switch: left as it is
                .filter(j -> !desired.holds(j.name()) && !desired.kept().contains(j.name())).toList();
        if (desired.refusal() != null) {
            return ProjectPlan.leftAlone(project, tank, desired.refusal(),
                    List.of(new OrphanedJobs(project, owned.stream().map(ObservedJob::name).sorted().toList(), desired.refusal())));
        }
        List<JobOperation> ops = new ArrayList<>(JobDiff.diff(project, desired.jobs(), managed, name -> deleteReason(snapshot, desired, ownJobs.get(name), rules)));
        ops.sort(Comparator.comparingInt(o -> o.actionType().ordinal()));
        int deletes = (int) ops.stream().filter(o -> o.actionType() == JobOperation.Action.DELETE).count();
        return new ProjectPlan(project, tank, ops, desired.skippedArtists(), desired.skippedShots(), desired.conflicts(),
                guard.check(deletes, managed.size()), null, List.of(), desired.skippedAssets(), desired.kept());
    }

    /** Why an asset's job goes (per_asset): the asset is skipped, or nobody needs it, or ShotGrid has it no more. */
    private static String assetDeleteReason(ProjectSnapshot snapshot, DesiredState desired, String jobName, String tank) {
        for (AssetRecord asset : snapshot.assets()) {
            if (!jobName.equals(JobNames.assetJob(tank, asset.type(), asset.code()))) continue;
            Optional<SkippedAsset> skipped = desired.skippedAssets().stream().filter(a -> a.id() == asset.id()).findFirst();
            return skipped.map(a -> "asset skipped: " + a.reason())
                    .orElse("no artist on its tasks while it is active, and no active shot with artists uses it");
        }
        return "no such asset is active or used by an active shot (renamed, retyped, retired, or unlinked)";
    }

    /** Why a job of the project that is not desired goes, by what it is for (its name, and the description the service wrote). */
    private static String deleteReason(ProjectSnapshot snapshot, DesiredState desired, ObservedJob job, SyncRules rules) {
        String tank = snapshot.tankName();
        String jobName = job.name();
        JobIdentity identity = JobIdentity.of(tank, jobName, job.description());
        if (identity == null) return "made under another tank_name; the project's tank_name is now " + tank;
        if (identity.kind() == JobKind.ASSETS) {
            return desired.perAsset() ? "assets are per asset now (assets: per_asset): each asset has a job of its own"
                    : "no artist on an active shot";
        }
        if (identity.kind() == JobKind.ASSET) {
            return desired.perAsset() ? assetDeleteReason(snapshot, desired, jobName, tank)
                    : "assets are one job per project again (assets: project): the project's assets job holds them";
        }
        String code = identity.subject();
        Optional<SkippedShot> skipped = desired.skippedShots().stream().filter(s -> code.equals(s.code())).findFirst();
        if (skipped.isPresent()) return "shot skipped: " + skipped.get().reason();
        boolean active = snapshot.shots().stream().anyMatch(s -> code.equals(s.code()) && rules.isActive(s.status()));
        return active ? "no artist assigned" : "shot not active";
    }
}
