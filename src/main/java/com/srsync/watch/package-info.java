/**
 * The watch on ShotGrid's webhook from the receiving side: events in the event log that never came by
 * webhook ({@link com.srsync.watch.WebhookSilence}), the service's own answers as ShotGrid counts them and
 * the requests that were no valid delivery ({@link com.srsync.watch.WebhookAnswers}), the status ShotGrid
 * announces in a delivery ({@link com.srsync.watch.HookAnnouncements}), and, with SHOTGRID_WEBHOOK_WATCH,
 * the hooks' own record ({@link com.srsync.watch.HookRecord}); together the {@code webhook} health check
 * ({@link com.srsync.watch.WebhookCheck}). All of it is leader-scoped: a standby shows none of it.
 */
package com.srsync.watch;
