package com.srsync.loop;

import com.srsync.reconcile.JobAttribution;
import com.srsync.reconcile.ObservedJob;
import com.srsync.reconcile.OrphanedJobs;
import com.srsync.reconcile.ProjectDirectory;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which projects an all-projects pass looks at: those with active shots, and those that own managed
 * jobs; and the managed jobs no project owns. Pure: {@code direct:reconcile-targets} reads the rows.
 */
public final class ReconcileTargets {

    /** @param withActiveShots the projects that have at least one active shot */
    public List<Long> all(Collection<Long> withActiveShots, ProjectDirectory directory, List<ObservedJob> consoleJobs) {
        Set<Long> ids = new TreeSet<>(withActiveShots);
        ids.addAll(JobAttribution.of(directory, consoleJobs).owned().keySet());
        return List.copyOf(ids);
    }

    /** Every orphaned job of the console, with the reason no project looks after it. */
    public List<OrphanedJobs> orphaned(ProjectDirectory directory, List<ObservedJob> consoleJobs) {
        return JobAttribution.of(directory, consoleJobs).orphaned();
    }
}
