package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Map<String, DesiredJob> first = new HashMap<>(desired.size() * 2);
        Set<String> shared = new HashSet<>();
        for (DesiredJob job : desired) {
            String folded = FolderNames.folded(job.name());
            if (first.putIfAbsent(folded, job) != null) shared.add(folded);
        }
        if (shared.isEmpty()) return new UniqueJobNames(desired, List.of());   // the common case: nothing to hold
        List<DesiredJob> unique = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (DesiredJob job : desired) {
            if (shared.contains(FolderNames.folded(job.name()))) held.add(job.name());
            else unique.add(job);
        }
        return new UniqueJobNames(unique, held);
    }
}
