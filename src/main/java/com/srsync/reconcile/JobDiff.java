package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pairs the jobs one project should have with the managed jobs it has, by name, and returns the
 * writes that make them equal. Of several jobs with one name the lowest id is kept and the others
 * are deleted.
 */
public final class JobDiff {
    private JobDiff() {}

    /**
     * @param observed     the managed jobs attributed to this project
     * @param deleteReason why a job that is not desired goes, given its name
     */
    public static List<JobOperation> diff(long projectId, List<DesiredJob> desired, List<ObservedJob> observed,
                                          Function<String, String> deleteReason) {
        Map<String, List<ObservedJob>> byName = observed.stream()
                .sorted(Comparator.comparingLong(ObservedJob::id))
                .collect(Collectors.groupingBy(ObservedJob::name, LinkedHashMap::new, Collectors.toList()));
        List<JobOperation> ops = new ArrayList<>();
        Set<String> desiredNames = desired.stream().map(DesiredJob::name).collect(Collectors.toSet());

        for (DesiredJob job : desired) {
            List<ObservedJob> same = byName.get(job.name());
            if (same == null) {
                ops.add(JobOperation.create(projectId, job));
                continue;
            }
            ObservedJob kept = same.get(0);
            List<JobChange> changes = changes(job, kept);
            if (!changes.isEmpty()) ops.add(JobOperation.update(projectId, kept.id(), job, changes));
        }
        for (Map.Entry<String, List<ObservedJob>> e : byName.entrySet()) {
            List<ObservedJob> same = e.getValue();
            ObservedJob kept = same.get(0);
            for (ObservedJob extra : same.subList(1, same.size())) {
                ops.add(JobOperation.delete(projectId, extra.id(), extra.name(), "duplicate of job " + kept.id()));
            }
            if (!desiredNames.contains(e.getKey())) {
                ops.add(JobOperation.delete(projectId, kept.id(), kept.name(), deleteReason.apply(kept.name())));
            }
        }
        return ops;
    }

    /** Everything that differs, agents compared in full: the same ids, each with the same role, permission and path. */
    public static List<JobChange> changes(DesiredJob desired, ObservedJob observed) {
        List<JobChange> changes = new ArrayList<>();
        if (!agentsMatch(desired.agents(), observed.agents())) changes.add(JobChange.AGENTS);
        if (!Objects.equals(desired.description(), observed.description())) changes.add(JobChange.DESCRIPTION);
        return changes;
    }

    /**
     * The same agent ids, each once, each satisfying its desired entry. A shot job holds a few agents
     * (searched in place); an assets job may hold hundreds (looked up by id).
     */
    private static boolean agentsMatch(List<JobAgent> desired, List<JobAgent> observed) {
        if (desired.size() != observed.size()) return false;
        if (desired.size() > 16) return agentsMatchById(desired, observed);
        for (JobAgent d : desired) {
            JobAgent match = null;
            for (JobAgent o : observed) {
                if (o.id() != d.id()) continue;
                if (match != null) return false;   // the same agent twice
                match = o;
            }
            if (!d.isSatisfiedBy(match)) return false;
        }
        return true;
    }

    private static boolean agentsMatchById(List<JobAgent> desired, List<JobAgent> observed) {
        Map<Long, JobAgent> seen = new HashMap<>(observed.size() * 2);
        for (JobAgent a : observed) {
            if (seen.put(a.id(), a) != null) return false;
        }
        for (JobAgent d : desired) {
            if (!d.isSatisfiedBy(seen.get(d.id()))) return false;
        }
        return true;
    }
}
