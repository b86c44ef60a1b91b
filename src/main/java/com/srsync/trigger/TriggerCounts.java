package com.srsync.trigger;

import com.srsync.events.EventRelevance;
import com.srsync.events.ShotGridEvent;
import java.util.concurrent.atomic.AtomicLong;

/** What became of the events: how many asked for a reconcile and how many were acknowledged and ignored. */
public final class TriggerCounts {
    private final AtomicLong relevant = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();

    /** The trigger an event asks for (see {@link EventRelevance}), counting it; null when it is ignored. */
    public String triggerFor(ShotGridEvent event) {
        String trigger = EventRelevance.trigger(event);
        (trigger == null ? ignored : relevant).incrementAndGet();
        return trigger;
    }

    public long relevant() { return relevant.get(); }

    public long ignored() { return ignored.get(); }
}
