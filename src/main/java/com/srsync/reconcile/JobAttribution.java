package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which project each managed job on the console belongs to.
 * <ul>
 *   <li>A job recorded as project P's ({@link JobOwnership}) is P's, whatever its name says, as long as
 *       P is outside the trash and can be planned; otherwise it is orphaned and left alone.</li>
 *   <li>A job without a record (the old tool's, at migration) is adopted by the project whose tank name
 *       is the longest one its name starts with; its first update gives it the record. This is the one
 *       moment the name decides. A name matching only a project in the trash, or none, is orphaned.</li>
 * </ul>
 *
 * @param owned    each plannable project's jobs, by project id
 * @param orphaned the jobs no project looks after, grouped by project and reason
 */
public record JobAttribution(Map<Long, List<ObservedJob>> owned, List<OrphanedJobs> orphaned) {

    public static JobAttribution of(ProjectDirectory directory, List<ObservedJob> consoleJobs) {
        Map<Long, List<ObservedJob>> owned = new HashMap<>();
        Map<List<Object>, List<String>> orphans = new LinkedHashMap<>();
        java.util.Set<String> tanks = directory.tankNames();
        Map<Long, Optional<String>> leftAlone = new HashMap<>();
        for (ObservedJob job : consoleJobs) {
            if (!JobNames.isManaged(job.name())) continue;
            OptionalLong recorded = JobOwnership.recordedProject(job.description());
            Long owner;
            String why = null;
            if (recorded.isPresent()) {
                owner = recorded.getAsLong();
                if (!directory.isActive(owner)) {
                    why = "project " + owner + " is not in ShotGrid (deleted, or in the trash)";
                }
            } else {
                Optional<String> tank = JobNames.owner(job.name(), tanks);
                List<Long> claimants = tank.map(directory::projectsWithTank).orElse(List.of());
                owner = claimants.size() == 1 ? claimants.get(0) : null;
                if (tank.isEmpty()) {
                    why = "no ownership record, and no project's tank_name matches its name";
                } else if (claimants.isEmpty()) {
                    why = "no ownership record; its name matches tank_name '" + tank.get() + "' of a project in the trash";
                } else if (claimants.size() > 1) {
                    why = "no ownership record; tank_name '" + tank.get() + "' belongs to projects " + claimants;
                }
            }
            if (why == null) {
                why = leftAlone.computeIfAbsent(owner, directory::leftAlone).orElse(null);
            }
            if (why == null) {
                owned.computeIfAbsent(owner, k -> new ArrayList<>()).add(job);
            } else {
                orphans.computeIfAbsent(java.util.Arrays.asList(owner, why), k -> new ArrayList<>()).add(job.name());
            }
        }
        List<OrphanedJobs> orphaned = new ArrayList<>();
        orphans.forEach((key, names) -> orphaned.add(new OrphanedJobs((Long) key.get(0), names.stream().sorted().toList(), (String) key.get(1))));
        orphaned.sort(java.util.Comparator.comparing((OrphanedJobs o) -> o.project() == null ? Long.MAX_VALUE : o.project()).thenComparing(OrphanedJobs::why));
        return new JobAttribution(owned, orphaned);
    }

    /** The jobs of one project (empty when it owns none). */
    public List<ObservedJob> jobsOf(long projectId) {
        return owned.getOrDefault(projectId, List.of());
    }

    /** The orphaned jobs recorded for one project. */
    public List<OrphanedJobs> orphanedOf(long projectId) {
        return orphaned.stream().filter(o -> Objects.equals(o.project(), projectId)).toList();
    }
}
