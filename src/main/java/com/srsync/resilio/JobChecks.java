package com.srsync.resilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.reconcile.JobOwnership;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ObservedJob;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the write routes check on the console just before they write, because a plan can be minutes
 * old by the time a retried write runs: a create retried after a failure may already have made its job;
 * an update or delete must act on the job it was planned for, and on nothing else.
 */
public final class JobChecks {

    /** The id of a job the console already has for this create (its name, and ours or no record), or null. */
    public Long createdAlready(JobOperation op, List<ObservedJob> consoleJobs) {
        for (ObservedJob job : consoleJobs) {
            if (!op.getJobName().equals(job.name())) continue;
            OptionalLong owner = JobOwnership.recordedProject(job.description());
            if (owner.isEmpty() || owner.getAsLong() == op.getProjectId()) return job.id();
        }
        return null;
    }

    /**
     * Why the job at the operation's id is no longer the one it was planned for, or null when it still is.
     *
     * @param current the job as {@code GET /jobs/{id}} answered just now; null or empty when it is gone
     */
    public String notAsPlanned(JobOperation op, JsonNode current) {
        if (current == null || current.isNull() || current.isMissingNode() || !current.isObject()) {
            return "job " + op.getJobId() + " no longer exists";
        }
        String name = current.path("name").asText(null);
        if (!op.getJobName().equals(name)) return "job " + op.getJobId() + " is now named " + name + ", not " + op.getJobName();
        JsonNode description = current.path("description");
        OptionalLong owner = JobOwnership.recordedProject(description.isTextual() ? description.asText() : null);
        if (owner.isPresent() && owner.getAsLong() != op.getProjectId()) {
            return "job " + op.getJobId() + " is now recorded as project " + owner.getAsLong() + "'s";
        }
        return null;
    }
}
