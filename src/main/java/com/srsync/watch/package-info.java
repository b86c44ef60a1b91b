/**
 * The watch on ShotGrid's webhook from the receiving side: events in the event log that never came by
 * webhook ({@link WebhookSilence}), the service's own answers as ShotGrid counts them
 * ({@link WebhookAnswers}), and, with SHOTGRID_WEBHOOK_WATCH, the hooks' own record
 * ({@link HookRecord}); together the {@code webhook} health check ({@link WebhookCheck}).
 */
package com.srsync.watch;
