package com.srsync.observe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the upstreams answered the service's own calls, and when the last reconcile succeeded.
 * Health checks read this state; they never call ShotGrid or Resilio themselves, so the health
 * endpoint is fast and puts no load upstream.
 */
public final class UpstreamHealth {
    /** The last outcome of a service's calls: null message when it answered. */
    public record Outcome(Instant at, String problem) {}

    private final Clock clock;
    private final Instant started;
    private final Map<String, Outcome> last = new ConcurrentHashMap<>();
    private volatile Instant lastGoodReconcile;

    public UpstreamHealth(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    /** The service answered (any status below 500 counts: it is reachable and speaking). */
    public void answered(String service) {
        answered(service, clock.instant());
    }

    /**
     * A call started at {@code startedAt} was answered. It clears a failure only if it started after
     * that failure: calls made in parallel with a failing one say nothing about whether it recovered.
     */
    public void answered(String service, Instant startedAt) {
        last.compute(service, (s, before) -> before != null && before.problem() != null && !startedAt.isAfter(before.at())
                ? before : new Outcome(clock.instant(), null));
    }

    /** No answer, a 5xx, or a refused login. */
    public void failed(String service, String problem) {
        last.put(service, new Outcome(clock.instant(), problem));
    }

    public Outcome last(String service) {
        return last.get(service);
    }

    public void reconcileSucceeded() {
        lastGoodReconcile = clock.instant();
    }

    /** Time since the last successful reconcile, or since start when none has succeeded yet. */
    public Duration sinceGoodReconcile() {
        Instant from = lastGoodReconcile == null ? started : lastGoodReconcile;
        return Duration.between(from, clock.instant());
    }

    public boolean anyReconcileSucceeded() {
        return lastGoodReconcile != null;
    }
}
