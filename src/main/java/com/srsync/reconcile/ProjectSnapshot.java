package com.srsync.reconcile;

import java.util.List;

/**
 * Everything ShotGrid says about one project that the plan depends on, read completely or not at all.
 *
 * @param directory the site's projects: this one's tank name, and every tank name an old job may be attributed to
 * @param shots     the project's shots in an active status, outside the trash
 */
public record ProjectSnapshot(long projectId, ProjectDirectory directory, List<ShotRecord> shots) {
    public ProjectSnapshot {
        shots = List.copyOf(shots);
    }

    /** The project's tank name; null when it has none. */
    public String tankName() {
        return directory.tankName(projectId);
    }
}
