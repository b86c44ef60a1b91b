package com.srsync.webhook;

import com.srsync.events.ShotGridEvent;
import java.util.List;

/**
 * A delivery that was signed and well formed: how many events it held, how many of them were
 * repeats, and the new ones (repeats left out).
 */
public record WebhookReceipt(int received, int repeats, List<ShotGridEvent> events) {
    public WebhookReceipt {
        events = List.copyOf(events);
    }
}
