/**
 * The delivery state: what each artist's machine actually has of its jobs, as the Resilio console last
 * reported it (its agents, each job's run and the run's agents), read by a leader-only poll in
 * routes/resilio.yaml. Read-only: nothing here writes to the console or affects a reconcile.
 */
package com.srsync.delivery;
