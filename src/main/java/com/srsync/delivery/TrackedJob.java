package com.srsync.delivery;

import java.util.List;

/**
 * A managed job whose delivery is followed: its project, its shot (code, and the ids of the project's active
 * shots of that code - two shots may share one; empty for an assets job or a shot not seen yet) or its asset
 * (with {@code assets: per_asset}: "type/code"), and the agents it holds, each named as artists.yaml names it.
 *
 * @param shot  the shot's code; null for the project's assets job or an asset's
 * @param asset the asset's "type/code" ("Character/Hero"); null unless the job is one asset's
 */
public record TrackedJob(long project, long jobId, String name, String shot, String asset, List<Long> shotIds, List<Agent> agents) {
    public TrackedJob {
        shotIds = List.copyOf(shotIds);
        agents = List.copyOf(agents);
    }

    /** A shot's job (or, with a null shot, the project's assets job). */
    public TrackedJob(long project, long jobId, String name, String shot, List<Long> shotIds, List<Agent> agents) {
        this(project, jobId, name, shot, null, shotIds, agents);
    }

    /** {@code shot}, {@code asset} or {@code assets}. */
    public String kind() {
        return shot != null ? "shot" : asset != null ? "asset" : "assets";
    }

    /**
     * @param artist     the artist's name for an end user; null for the primary storage or an agent no artist
     *                   uses any more
     * @param permission the agent's permission on the job ({@code srw}, {@code sro} ...); null when not known
     */
    public record Agent(long agentId, String role, String artist, String permission) {
        public Agent(long agentId, String role, String artist) {
            this(agentId, role, artist, null);
        }
    }
}
