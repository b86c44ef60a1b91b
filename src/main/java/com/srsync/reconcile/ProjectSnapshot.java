package com.srsync.reconcile;

import java.util.List;

/**
 * Everything ShotGrid says about one project that the plan depends on, read completely or not at all.
 *
 * @param directory the site's projects: this one's tank name, and every tank name an old job may be attributed to
 * @param shots     the project's shots in an active status, outside the trash
 * @param assets     with {@code assets: {mode: per_asset}}: the project's assets in an active status and those its
 *                   active shots use, outside the trash; else empty
 * @param assetsRead true when the assets (and each shot's {@code assets}) were read: a snapshot read while the
 *                   mode was {@code project} is planned in that mode, even if the mode changed since
 */
public record ProjectSnapshot(long projectId, ProjectDirectory directory, List<ShotRecord> shots, List<AssetRecord> assets,
                              boolean assetsRead) {
    public ProjectSnapshot {
        shots = List.copyOf(shots);
        assets = List.copyOf(assets);
    }

    /** A project read without its assets (assets: project). */
    public ProjectSnapshot(long projectId, ProjectDirectory directory, List<ShotRecord> shots) {
        this(projectId, directory, shots, List.of(), false);
    }

    /** A project read with its assets (assets: per_asset). */
    public ProjectSnapshot(long projectId, ProjectDirectory directory, List<ShotRecord> shots, List<AssetRecord> assets) {
        this(projectId, directory, shots, assets, true);
    }

    /** The project's tank name; null when it has none. */
    public String tankName() {
        return directory.tankName(projectId);
    }
}
