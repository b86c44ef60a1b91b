package com.srsync.delivery;

import com.srsync.reconcile.JobAgent;
import com.srsync.reconcile.JobIdentity;
import com.srsync.reconcile.JobKind;
import com.srsync.reconcile.SyncRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Names a managed job's parts for people: its shot or asset (from the job name, its description and the project's tank name) and
 * each agent as the artist artists.yaml gives it, with the rules in force now.
 */
public final class JobNaming {
    private final Supplier<SyncRules> rules;

    public JobNaming(Supplier<SyncRules> rules) {
        this.rules = rules;
    }

    /**
     * @param tank        the project's tank name; null when unknown (the shot is then not named)
     * @param shotIds     the project's active shots' ids by code (two shots may share a code)
     * @param description the job's description (it says whether a job named like an asset's is one)
     */
    public TrackedJob tracked(long project, String tank, Map<String, List<Long>> shotIds, long jobId, String name, String description,
                              List<JobAgent> agents) {
        SyncRules now = rules.get();
        List<TrackedJob.Agent> named = new ArrayList<>();
        for (JobAgent agent : agents) {
            String artist = JobAgent.PRIMARY_STORAGE.equals(agent.role()) ? null : artistOf(now, agent.id());
            named.add(new TrackedJob.Agent(agent.id(), agent.role(), artist, agent.permission()));
        }
        JobIdentity identity = JobIdentity.of(tank, name, description);
        String shot = identity != null && identity.kind() == JobKind.SHOT ? identity.subject() : null;
        String asset = identity != null && identity.kind() == JobKind.ASSET ? identity.subject() : null;
        return new TrackedJob(project, jobId, name, shot, asset, shot == null ? List.of() : shotIds.getOrDefault(shot, List.of()), named);
    }

    /** The artists on this agent, joined; "agent N" when artists.yaml names none. */
    private static String artistOf(SyncRules rules, long agentId) {
        List<String> names = rules.artistsOn(agentId);
        return names.isEmpty() ? "agent " + agentId : String.join(", ", names);
    }
}
