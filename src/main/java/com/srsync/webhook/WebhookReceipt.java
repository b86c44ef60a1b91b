package com.srsync.webhook;

import com.srsync.events.ShotGridEvent;
import java.util.List;

/** The answer to one webhook request, and the new events it brought (repeats left out). */
public record WebhookReceipt(int status, String answer, List<ShotGridEvent> events) {
    public WebhookReceipt {
        events = List.copyOf(events);
    }
}
