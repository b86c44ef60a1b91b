package com.srsync.config;

import java.net.URI;
import java.time.Duration;

/**
 * ShotGrid's webhooks as this service takes and watches them.
 *
 * @param secret            SECRET_TOKEN, or null when unsigned deliveries are allowed
 * @param eventQueueMaxBytes EVENT_QUEUE_MAX_BYTES, or null: a share of the heap
 * @param watch             SHOTGRID_WEBHOOK_WATCH: read the site's hooks (needs the API Admin permission set)
 * @param revive            SHOTGRID_WEBHOOK_REVIVE: switch a failed hook of ours back on
 * @param silenceGrace      WEBHOOK_SILENCE_GRACE_MS: how long an event read from the log may wait for its webhook
 * @param publicUrl         PUBLIC_URL, the address ShotGrid reaches this service at, or null
 */
public record WebhookSettings(Secret secret, boolean allowUnsigned, Long eventQueueMaxBytes, boolean watch, boolean revive,
                              Duration silenceGrace, URI publicUrl) {}
