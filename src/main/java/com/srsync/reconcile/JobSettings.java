package com.srsync.reconcile;

/**
 * The {@code job_settings} of artists.yaml: what the console is told about each job and entry.
 * {@code sequenceFallback} names the folder of a shot that belongs to no sequence.
 */
public record JobSettings(String jobType, String primaryPermission, String endUserPermission,
                          int filePolicyId, String sequenceFallback) {
    public static JobSettings defaults() {
        return new JobSettings("hybrid_work", "rw", "srw", 1, "VFX");
    }
}
