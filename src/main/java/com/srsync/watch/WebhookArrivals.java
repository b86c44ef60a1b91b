package com.srsync.watch;

import com.srsync.events.ShotGridEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the webhook intake tells the watch of every valid delivery (repeats too): the silence detector
 * notes the events that came, and a {@code Webhook_Status_Change} is read for the hook's new status.
 * Neither takes a lock for an ordinary delivery.
 *
 * @param silence null without the event log
 */
public record WebhookArrivals(WebhookSilence silence, HookAnnouncements announcements) implements Consumer<List<ShotGridEvent>> {
    @Override
    public void accept(List<ShotGridEvent> events) {
        if (silence != null) silence.arrived(events);
        announcements.arrived(events);
    }
}
