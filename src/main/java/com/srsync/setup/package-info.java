/**
 * Setting the service up, checked by the service: the command line ({@code check}, {@code webhooks [--apply]}),
 * each prerequisite checked once and said in words ({@code GET /admin/check} too), and the ShotGrid webhooks the
 * planner needs - what the site has, what it lacks, and the writes that would make them match. The calls are in
 * {@code routes/setup.yaml}; this package only judges their answers.
 */
package com.srsync.setup;
