package com.srsync.reconcile;

import java.util.List;
import java.util.Set;

/**
 * Everything ShotGrid says about one project that the plan depends on, read completely or not at all.
 *
 * @param tankName       the project's tank name; null or blank when it has none (the project is then left alone)
 * @param shots          the project's shots in an active status, outside the trash
 * @param knownTankNames tank names of every project the site knows, so a job is attributed to the
 *                       project with the longest matching tank name
 */
public record ProjectSnapshot(long projectId, String tankName, List<ShotRecord> shots, Set<String> knownTankNames) {
    public ProjectSnapshot {
        shots = List.copyOf(shots);
        knownTankNames = Set.copyOf(knownTankNames);
    }

    public boolean hasTankName() {
        return tankName != null && !tankName.isBlank();
    }
}
