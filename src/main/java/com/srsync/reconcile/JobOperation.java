package com.srsync.reconcile;

import java.util.List;

/**
 * One write to the console: create a job, update one, or delete one. One message each in the
 * apply route. Getters are JavaBean-style so route expressions such as {@code ${body.action}} read them.
 * The enum has another name ({@link #actionType()}): Camel's simple language prefers a method named
 * {@code action()} to {@code getAction()}, and comparing an enum with {@code 'create'} makes Camel search
 * its whole converter registry on every message.
 */
public final class JobOperation {
    public enum Action { CREATE, UPDATE, DELETE }

    private final Action action;
    private final long projectId;
    private final Long jobId;
    private final String jobName;
    private final DesiredJob desired;
    private final List<JobChange> changes;
    private final String reason;

    private JobOperation(Action action, long projectId, Long jobId, String jobName, DesiredJob desired,
                         List<JobChange> changes, String reason) {
        this.action = action;
        this.projectId = projectId;
        this.jobId = jobId;
        this.jobName = jobName;
        this.desired = desired;
        this.changes = List.copyOf(changes);
        this.reason = reason;
    }

    public static JobOperation create(long projectId, DesiredJob job) {
        return new JobOperation(Action.CREATE, projectId, null, job.name(), job, List.of(), null);
    }

    public static JobOperation update(long projectId, long jobId, DesiredJob job, List<JobChange> changes) {
        return new JobOperation(Action.UPDATE, projectId, jobId, job.name(), job, changes, null);
    }

    public static JobOperation delete(long projectId, long jobId, String jobName, String reason) {
        return new JobOperation(Action.DELETE, projectId, jobId, jobName, null, List.of(), reason);
    }

    /** {@code create}, {@code update} or {@code delete}. */
    public String getAction() {
        return action.name().toLowerCase(java.util.Locale.ROOT);
    }

    public Action actionType() { return action; }
    public long getProjectId() { return projectId; }
    public Long getJobId() { return jobId; }
    public String getJobName() { return jobName; }
    public DesiredJob getDesired() { return desired; }
    public List<JobChange> getChanges() { return changes; }
    public String getReason() { return reason; }

    @Override
    public String toString() {
        return getAction() + " " + jobName + (jobId == null ? "" : " (job " + jobId + ")");
    }
}
