package com.srsync.delivery;

import java.util.List;

/**
 * A managed job whose delivery is followed: its project, its shot (code, and the ids of the project's active
 * shots of that code - two shots may share one; empty for an assets job or a shot not seen yet) and the
 * agents it holds, each named as artists.yaml names it.
 */
public record TrackedJob(long project, long jobId, String name, String shot, List<Long> shotIds, List<Agent> agents) {
    public TrackedJob {
        shotIds = List.copyOf(shotIds);
        agents = List.copyOf(agents);
    }

    /**
     * @param artist the artist's name for an end user; null for the primary storage or an agent no artist
     *               uses any more
     */
    public record Agent(long agentId, String role, String artist) {}
}
