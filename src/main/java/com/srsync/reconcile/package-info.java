/**
 * The pure heart of the service: the model of both sides, the {@link com.srsync.reconcile.JobPlanner}
 * that turns a ShotGrid project snapshot into the jobs that should exist, the {@link com.srsync.reconcile.JobDiff}
 * that pairs them with the jobs that do exist, and the {@link com.srsync.reconcile.DeleteGuard}.
 * No I/O and no Camel in here: everything is a function of its arguments.
 */
package com.srsync.reconcile;
