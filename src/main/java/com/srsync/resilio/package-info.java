/**
 * Resilio Connect Management Console API v2 adapter: the job list, create, update by
 * read-modify-write that keeps what the console added, and delete ({@link com.srsync.resilio.ResilioJobs}),
 * and the mapping between console JSON and the reconcile model ({@link com.srsync.resilio.JobJson}).
 */
package com.srsync.resilio;
