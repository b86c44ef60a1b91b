/**
 * Live edits of {@code routes/*.yaml}: {@link com.srsync.routefiles.RouteFileReloader} takes a
 * changed, added or deleted file as one transaction - the new version is built and checked beside
 * the running routes before any of them is touched, so a file that does not load leaves what was
 * running from it running; after a reload exactly the routes in the files run. The old routes stop
 * callers first ({@link com.srsync.routefiles.StopOrder}), each idle before it stops.
 * {@link com.srsync.routefiles.RouteFileParser} reads a file's routes and route configurations
 * without adding them; {@link com.srsync.routefiles.RefusedFilesCheck} shows refused files in health.
 */
package com.srsync.routefiles;
