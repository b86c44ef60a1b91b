package com.srsync.trigger;

import com.srsync.events.EventRelevance;
import com.srsync.events.ShotGridEvent;
import com.srsync.observe.SyncMetrics;
import java.util.function.BooleanSupplier;

/**
 * Turns an event into the trigger it asks for (see {@link EventRelevance}) under the assets mode in force,
 * counting relevant and ignored events.
 */
public final class EventTriggers {
    private final SyncMetrics metrics;
    private final BooleanSupplier perAsset;

    /** @param perAsset true while artists.yaml says {@code assets: per_asset} (it may change while the service runs) */
    public EventTriggers(SyncMetrics metrics, BooleanSupplier perAsset) {
        this.metrics = metrics;
        this.perAsset = perAsset;
    }

    /** The project id, or "all", that the event asks to reconcile; null when it is ignored. */
    public String triggerFor(ShotGridEvent event) {
        String trigger = EventRelevance.trigger(event, perAsset.getAsBoolean());
        metrics.event(trigger == null ? "ignored" : "relevant");
        return trigger;
    }
}
