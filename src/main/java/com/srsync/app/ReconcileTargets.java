package com.srsync.app;

import com.srsync.reconcile.JobAttribution;
import com.srsync.reconcile.OrphanedJobs;
import com.srsync.resilio.ResilioJobs;
import com.srsync.shotgrid.SnapshotReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which projects an all-projects reconcile looks at: those with active shots, and those that own managed jobs. */
public final class ReconcileTargets {
    private final SnapshotReader shotgrid;
    private final ResilioJobs resilio;

    public ReconcileTargets(SnapshotReader shotgrid, ResilioJobs resilio) {
        this.shotgrid = shotgrid;
        this.resilio = resilio;
    }

    /** Every orphaned job of the console: the jobs no project's reconcile looks after, with the reason. */
    public List<OrphanedJobs> orphaned() {
        return JobAttribution.of(shotgrid.projects(), resilio.jobs()).orphaned();
    }

    public List<Long> all() {
        Set<Long> ids = new TreeSet<>(shotgrid.projectsWithActiveShots());
        ids.addAll(JobAttribution.of(shotgrid.projects(), resilio.jobs()).owned().keySet());
        return List.copyOf(ids);
    }
}
