package com.srsync.reconcile;

import java.util.List;

/**
 * Managed jobs that no project's reconcile looks after, and why: their project was deleted, lost its
 * tank name or is left alone, or they carry no ownership record and no project's tank name claims them.
 * They are never changed; an operator sees them in the plan and cleans them up.
 *
 * @param project the project recorded on the jobs, or null when they have no record
 */
public record OrphanedJobs(Long project, List<String> jobs, String why) {
    public OrphanedJobs {
        jobs = List.copyOf(jobs);
    }
}
