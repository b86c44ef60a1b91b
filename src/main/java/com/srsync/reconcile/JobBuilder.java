package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Builds one desired job: the primary storage and one end-user entry per distinct agent, each at the job's
 * folder below its agent's base path (never outside it), and the description with the ownership record.
 */
final class JobBuilder {
    /** An artist on the job, with the permission their agent gets. */
    record Member(Artist artist, String permission) {}

    /** The job, or why it cannot be made (its folder would leave an agent's base path). */
    record Built(DesiredJob job, String problem) {}

    private final SyncRules rules;

    JobBuilder(SyncRules rules) {
        this.rules = rules;
    }

    /** A job whose artists all get the end-user permission of job_settings. */
    Built forArtists(String name, JobKind kind, String title, long project, String folder, List<Artist> artists) {
        String permission = rules.jobSettings().endUserPermission();
        return build(name, kind, title, project, folder, artists.stream().map(a -> new Member(a, permission)).toList());
    }

    /** A job with one entry per distinct agent; the first member of an agent decides its permission. */
    Built build(String name, JobKind kind, String title, long project, String folder, List<Member> members) {
        JobSettings settings = rules.jobSettings();
        List<JobAgent> agents = new ArrayList<>();
        StorageAgent primary = rules.primaryStorage();
        Map<OsPaths, OsPaths> resolved = new HashMap<>();   // agents mostly share a base path: resolve and check each once
        Map<Long, Member> byAgent = new LinkedHashMap<>();
        for (Member m : members) byAgent.putIfAbsent(m.artist().agent().id(), m);
        List<Member> endUsers = new ArrayList<>(byAgent.values());
        endUsers.sort(Comparator.comparingLong(m -> m.artist().agent().id()));
        Optional<String> outside = path(primary, folder, resolved);
        if (outside.isPresent()) return new Built(null, "for agent " + primary.id() + ", " + outside.get());
        agents.add(new JobAgent(primary.id(), JobAgent.PRIMARY_STORAGE, settings.primaryPermission(), resolved.get(primary.basePaths()),
                Boolean.TRUE, null));
        for (Member m : endUsers) {
            StorageAgent agent = m.artist().agent();
            outside = path(agent, folder, resolved);
            if (outside.isPresent()) return new Built(null, "for agent " + agent.id() + ", " + outside.get());
            agents.add(new JobAgent(agent.id(), JobAgent.END_USER, m.permission(), resolved.get(agent.basePaths()), null,
                    settings.filePolicyId()));
        }
        TreeSet<String> names = new TreeSet<>();
        members.forEach(m -> names.add(m.artist().displayName()));
        String description = JobOwnership.describe(title + " for: " + String.join(", ", names), project);
        return new Built(new DesiredJob(name, kind, settings.jobType(), description, agents), null);
    }

    /** Resolves the folder below the agent's base paths (once per base path); why it would leave them, if it would. */
    private static Optional<String> path(StorageAgent agent, String folder, Map<OsPaths, OsPaths> resolved) {
        if (resolved.containsKey(agent.basePaths())) return Optional.empty();
        OsPaths path = agent.basePaths().resolve(folder);
        Optional<String> outside = PathContainment.problem(agent.basePaths(), path);
        if (outside.isEmpty()) resolved.put(agent.basePaths(), path);
        return outside;
    }
}
