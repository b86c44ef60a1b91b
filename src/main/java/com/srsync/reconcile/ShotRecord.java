package com.srsync.reconcile;

import java.util.List;

/**
 * A shot as read from ShotGrid, with the users of all its tasks already expanded from groups.
 *
 * @param assetIds the assets its {@code assets} field lists (read only with {@code assets: {mode: per_asset}}; else empty)
 */
public record ShotRecord(long id, String code, String status, String sequence, List<ShotGridUser> assignees, List<Long> assetIds) {
    public ShotRecord {
        assignees = List.copyOf(assignees);
        assetIds = List.copyOf(assetIds);
    }

    public ShotRecord(long id, String code, String status, String sequence, List<ShotGridUser> assignees) {
        this(id, code, status, sequence, assignees, List.of());
    }
}
