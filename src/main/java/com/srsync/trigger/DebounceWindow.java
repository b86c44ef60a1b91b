package com.srsync.trigger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The debounce of one project's triggers (the aggregator's correlation key is the trigger itself:
 * a project id or "all"). The window remembers when each group's first trigger came. Its completion
 * timeout, evaluated again at every trigger, is the debounce period or the time left until that first
 * trigger is {@code maxDelay} old, whichever is shorter: a quiet project is reconciled one debounce
 * period after its last trigger, a busy one no later than {@code maxDelay} after its first.
 */
public final class DebounceWindow implements AggregationStrategy {
    private final long debounceMillis;
    private final long maxDelayMillis;
    private final Map<String, Long> firstTrigger = new ConcurrentHashMap<>();

    public DebounceWindow(Duration debounce, Duration maxDelay) {
        this.debounceMillis = debounce.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
    }

    @Override
    public Exchange aggregate(Exchange group, Exchange trigger) {
        if (group == null) {
            firstTrigger.put(key(trigger), System.nanoTime());
            return trigger;
        }
        return group;
    }

    /** The group is complete: the next trigger of its key opens a new window. */
    @Override
    public void onCompletion(Exchange group) {
        firstTrigger.remove(key(group));
    }

    /** The completion timeout after this trigger: the debounce period, capped by what is left of the maximum delay. */
    public long timeoutMillis(Exchange trigger) {
        Long first = firstTrigger.get(key(trigger));
        long age = first == null ? 0 : (System.nanoTime() - first) / 1_000_000;
        return Math.max(1, Math.min(debounceMillis, maxDelayMillis - age));
    }

    /** How many projects (or "all") are waiting out their debounce: the debounce queue size. */
    public int waiting() {
        return firstTrigger.size();
    }

    private static String key(Exchange exchange) {
        return String.valueOf(exchange.getMessage().getBody());
    }
}
