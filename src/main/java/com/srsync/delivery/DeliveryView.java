package com.srsync.delivery;

import java.time.Instant;
import java.util.List;

/**
 * The delivery state as last read.
 *
 * @param checkedAt when a poll last read everything it set out to; null before the first
 * @param failedAt  when the last poll failed, if it failed after {@code checkedAt}; null otherwise
 * @param failure   why, in words without a credential; null when the last poll succeeded
 * @param offline   the console's agents that are offline, of those the followed jobs hold
 */
public record DeliveryView(Instant checkedAt, Instant failedAt, String failure, List<JobDelivery> jobs, List<ConsoleAgent> offline) {
    public DeliveryView {
        jobs = List.copyOf(jobs);
        offline = List.copyOf(offline);
    }

    public boolean isStale() {
        return failure != null;
    }

    /** How many end users' places on jobs are in {@code state} (an artist on three jobs counts three times). */
    public long artistsIn(DeliveryState state) {
        return jobs.stream().flatMap(j -> j.agents().stream()).filter(a -> !a.isPrimary() && a.state() == state).count();
    }
}
