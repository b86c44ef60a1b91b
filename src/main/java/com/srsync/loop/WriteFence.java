package com.srsync.loop;

import com.srsync.cluster.Leadership;
import com.srsync.cluster.LeadershipLostException;

/**
 * The check right before every console call that writes ({@code routes/resilio.yaml}, and the start of
 * each write in {@code routes/apply.yaml}): a write leaves this replica only while it leads in the term
 * its reconcile was started in. A replica that lost the lead - even for a moment, even if it won it back
 * meanwhile - sends nothing it planned before: not a write it had in hand, not one waiting for a retry,
 * not the rest of a plan.
 */
public final class WriteFence {
    private final Leadership leadership;

    public WriteFence(Leadership leadership) {
        this.leadership = leadership;
    }

    /**
     * @param run the reconcile the write belongs to; null for a write outside a reconcile, which needs the lead now
     * @throws LeadershipLostException when the write must not be sent
     */
    public void check(ReconcileRun run) {
        if (run == null ? leadership.isLeader() : leadership.holds(run.term())) return;
        throw new LeadershipLostException(run == null ? "this replica does not lead"
                : "this replica no longer leads in the term the reconcile of project " + run.getProject() + " started in");
    }
}
