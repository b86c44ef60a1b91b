package com.srsync.app;

import com.srsync.reconcile.JobNames;
import com.srsync.reconcile.ObservedJob;
import com.srsync.resilio.ResilioJobs;
import com.srsync.shotgrid.ProjectDirectory;
import com.srsync.shotgrid.SnapshotReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public List<Long> all() {
        Set<Long> ids = new TreeSet<>(shotgrid.projectsWithActiveShots());
        ids.addAll(owners(shotgrid.projects(), resilio.jobs()));
        return List.copyOf(ids);
    }

    /** The ids of projects outside the trash that own at least one of these jobs by the longest tank-name rule. */
    static Set<Long> owners(ProjectDirectory directory, List<ObservedJob> jobs) {
        Map<String, Long> idByTank = new HashMap<>();
        directory.active().forEach((id, tank) -> {
            if (tank != null) idByTank.putIfAbsent(tank, id);
        });
        Set<String> tanks = directory.tankNames();
        Set<Long> owners = new TreeSet<>();
        for (ObservedJob job : jobs) {
            Optional<String> tank = JobNames.owner(job.name(), tanks);
            tank.map(idByTank::get).ifPresent(owners::add);
        }
        return owners;
    }
}
