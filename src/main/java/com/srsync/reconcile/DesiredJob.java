package com.srsync.reconcile;

import java.util.List;

/** A job that should exist, complete enough to be sent to the console as it is. */
public record DesiredJob(String name, JobKind kind, String type, String description, List<JobAgent> agents) {
    public DesiredJob {
        agents = List.copyOf(agents);
    }
}
