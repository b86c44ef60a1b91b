/**
 * Wiring: {@link com.srsync.app.SyncConfiguration} builds every bean the routes call from the validated
 * settings; the other classes are the small helpers those routes use (which projects to reconcile,
 * the per-reconcile report line, the admin token check, the plan as JSON).
 */
package com.srsync.app;
