package com.srsync.reconcile;

import java.util.List;

/**
 * An asset as read from ShotGrid (with {@code assets: {mode: per_asset}}): its code, type and status, and the
 * users of its own tasks, groups already expanded. Which shots use it is on each {@link ShotRecord}.
 *
 * @param type     its {@code sg_asset_type}; null when it has none
 * @param builders the users assigned to the asset's tasks
 */
public record AssetRecord(long id, String code, String type, String status, List<ShotGridUser> builders) {
    public AssetRecord {
        builders = List.copyOf(builders);
    }
}
