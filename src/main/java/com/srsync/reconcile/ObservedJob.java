package com.srsync.reconcile;

import java.util.List;

/** A job as the console reports it, reduced to what the diff compares. */
public record ObservedJob(long id, String name, String description, List<JobAgent> agents) {
    public ObservedJob {
        agents = List.copyOf(agents);
    }
}
