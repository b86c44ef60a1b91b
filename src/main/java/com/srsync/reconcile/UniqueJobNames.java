package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner never hands on two desired jobs with one name (compared as Windows and macOS compare
 * folder names): the console would get two jobs that the next reconcile takes for a duplicate, and
 * every reconcile after that would flip the one job between the two. Both are dropped and their name
 * held: neither is created, changed or deleted, and the name is listed.
 *
 * @param jobs the desired jobs whose names are unique
 * @param held the names two or more desired jobs shared
 */
public record UniqueJobNames(List<DesiredJob> jobs, List<String> held) {
    public static UniqueJobNames of(List<DesiredJob> desired) {
        Map<String, List<DesiredJob>> byName = new LinkedHashMap<>();
        for (DesiredJob job : desired) byName.computeIfAbsent(FolderNames.folded(job.name()), n -> new ArrayList<>()).add(job);
        List<DesiredJob> unique = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (List<DesiredJob> same : byName.values()) {
            if (same.size() == 1) unique.add(same.get(0));
            else same.forEach(j -> held.add(j.name()));
        }
        return new UniqueJobNames(unique, held);
    }
}
