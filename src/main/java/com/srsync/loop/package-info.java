/**
 * The reconcile loop's bookkeeping, in one place: which projects wait for a reconcile and which run
 * and in which order, urgent first ({@link com.srsync.loop.ReconcileQueue}), which projects an all-projects pass looks at
 * ({@link com.srsync.loop.ReconcileTargets}), the course of each reconcile and its report line
 * ({@link com.srsync.loop.ReconcileRuns}, {@link com.srsync.loop.ReconcileRun}), and the backoff of
 * projects whose reconcile must run again ({@link com.srsync.loop.ReconcileRetries}).
 */
package com.srsync.loop;
