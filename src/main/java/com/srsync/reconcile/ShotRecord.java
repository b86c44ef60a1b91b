package com.srsync.reconcile;

import java.util.List;

/** A shot as read from ShotGrid, with the users of all its tasks already expanded from groups. */
public record ShotRecord(long id, String code, String status, String sequence, List<ShotGridUser> assignees) {
    public ShotRecord {
        assignees = List.copyOf(assignees);
    }
}
