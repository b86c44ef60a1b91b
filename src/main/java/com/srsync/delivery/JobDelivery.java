package com.srsync.delivery;

import java.time.Instant;
import java.util.List;

/**
 * What every agent of one job has, and the job's state: its worst agent's (an error on the run itself,
 * or a run status not known here, counts too).
 *
 * @param run    the job's run as last read; null when the console showed none
 * @param readAt when its agents' rows were last read; null when never
 */
public record JobDelivery(TrackedJob job, DeliveryState state, RunRecord run, List<AgentDelivery> agents, Instant readAt) {
    public JobDelivery {
        agents = List.copyOf(agents);
    }
}
