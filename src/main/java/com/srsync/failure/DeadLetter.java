package com.srsync.failure;

/**
 * One Resilio write that still failed after its retries: what, which job, which project, the error,
 * how many times and when. Never a credential.
 *
 * @param status the console's HTTP status, 0 when no answer came, null when the failure was not an HTTP call
 */
public record DeadLetter(long project, String action, Long jobId, String jobName, String error, Integer status,
                         int attempts, String firstFailedAt, String lastFailedAt) {

    /** The file name: one document per project, action and job, so a repeat failure updates it. */
    public String key() {
        return project + "-" + action + "-" + jobName.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json";
    }
}
