/**
 * ShotGrid webhook ingress: the HMAC signature over the raw bytes ({@link com.srsync.webhook.SignatureVerifier}),
 * single and batched deliveries ({@link com.srsync.webhook.DeliveryParser}) and the answer, which never
 * waits for anything slow ({@link com.srsync.webhook.WebhookIntake}).
 */
package com.srsync.webhook;
