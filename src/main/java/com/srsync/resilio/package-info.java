/**
 * The Resilio console's side of the pure logic the routes call: the mapping between console JSON
 * and the reconcile model ({@link com.srsync.resilio.JobJson}), the checks a write makes against the
 * job as read just before it ({@link com.srsync.resilio.JobChecks}), and the job list as last read
 * while no write of ours has changed it ({@link com.srsync.resilio.RecentJobList}). The calls
 * themselves are {@code routes/resilio.yaml}.
 */
package com.srsync.resilio;
