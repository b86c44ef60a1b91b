package com.srsync.trigger;

import com.srsync.events.EventRelevance;
import com.srsync.events.ShotGridEvent;
import com.srsync.observe.SyncMetrics;

/** Turns an event into the trigger it asks for (see {@link EventRelevance}), counting relevant and ignored events. */
public final class EventTriggers {
    private final SyncMetrics metrics;

    public EventTriggers(SyncMetrics metrics) {
        this.metrics = metrics;
    }

    /** The project id, or "all", that the event asks to reconcile; null when it is ignored. */
    public String triggerFor(ShotGridEvent event) {
        String trigger = EventRelevance.trigger(event);
        metrics.event(trigger == null ? "ignored" : "relevant");
        return trigger;
    }
}
