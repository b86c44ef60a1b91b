package com.srsync.resilio;

import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ObservedJob;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the routes call: the console's jobs in the model's terms, and one method per kind of write. */
public final class ResilioJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ResilioJobs.class);

    private final ResilioClient client;

    public ResilioJobs(ResilioClient client) {
        this.client = client;
    }

    /** Every job on the console, managed or not; the planner picks out its own. */
    public List<ObservedJob> jobs() {
        return client.listJobs().stream().map(JobJson::observed).toList();
    }

    /**
     * Creates the job. On a redelivery ({@code attempt} above 0) the console is asked first whether a
     * job of that name exists: a create that timed out may have succeeded, and must not make two.
     */
    public long create(JobOperation op, Integer attempt) {
        if (attempt != null && attempt > 0) {
            for (var job : client.listJobs()) {
                if (op.getJobName().equals(job.path("name").asText(null))) {
                    long id = job.path("id").asLong();
                    LOG.info("Job {} (id {}) for project {} exists already: an earlier attempt created it", op.getJobName(), id, op.getProjectId());
                    return id;
                }
            }
        }
        long id = client.createJob(JobJson.createBody(op.getDesired()));
        LOG.info("Created job {} (id {}) for project {}", op.getJobName(), id, op.getProjectId());
        return id;
    }

    /** Read-modify-write: what the console added to the job or its agent entries stays. */
    public void update(JobOperation op) {
        long id = op.getJobId();
        client.updateJob(id, JobJson.updateBody(client.getJob(id), op.getDesired()));
        LOG.info("Updated job {} (id {}) for project {}: {}", op.getJobName(), id, op.getProjectId(), op.getChanges());
    }

    public void delete(JobOperation op) {
        boolean deleted = client.deleteJob(op.getJobId());
        LOG.info("Deleted job {} (id {}) for project {}: {}{}", op.getJobName(), op.getJobId(), op.getProjectId(),
                op.getReason(), deleted ? "" : " (it was already gone)");
    }
}
