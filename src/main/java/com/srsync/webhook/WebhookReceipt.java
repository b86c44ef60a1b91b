package com.srsync.webhook;

import com.srsync.events.ShotGridEvent;
import java.util.List;

/**
 * A delivery that was signed and well formed: how many events it held, how many of them were
 * repeats, the new ones (repeats left out), when its intake began ({@link System#nanoTime()}), so
 * its answer can be timed as ShotGrid times it, and ShotGrid's {@code x-sg-delivery-id} (or null), for the log.
 */
public record WebhookReceipt(int received, int repeats, List<ShotGridEvent> events, long startedNanos, String deliveryId) {
    public WebhookReceipt {
        events = List.copyOf(events);
    }
}
