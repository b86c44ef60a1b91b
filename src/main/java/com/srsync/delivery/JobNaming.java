package com.srsync.delivery;

import com.srsync.reconcile.JobAgent;
import com.srsync.reconcile.JobNames;
import com.srsync.reconcile.SyncRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Names a managed job's parts for people: its shot (from the job name and the project's tank name) and
 * each agent as the artist artists.yaml gives it, with the rules in force now.
 */
public final class JobNaming {
    private final Supplier<SyncRules> rules;

    public JobNaming(Supplier<SyncRules> rules) {
        this.rules = rules;
    }

    /**
     * @param tank    the project's tank name; null when unknown (the shot is then not named)
     * @param shotIds the project's active shots' ids by code (two shots may share a code)
     */
    public TrackedJob tracked(long project, String tank, Map<String, List<Long>> shotIds, long jobId, String name, List<JobAgent> agents) {
        SyncRules now = rules.get();
        List<TrackedJob.Agent> named = new ArrayList<>();
        for (JobAgent agent : agents) {
            String artist = JobAgent.PRIMARY_STORAGE.equals(agent.role()) ? null : artistOf(now, agent.id());
            named.add(new TrackedJob.Agent(agent.id(), agent.role(), artist));
        }
        String shot = shotOf(tank, name);
        return new TrackedJob(project, jobId, name, shot, shot == null ? List.of() : shotIds.getOrDefault(shot, List.of()), named);
    }

    private static String shotOf(String tank, String jobName) {
        if (tank == null || jobName.equals(JobNames.assetsJob(tank))) return null;
        String prefix = JobNames.PREFIX + tank + "_";
        return jobName.startsWith(prefix) ? jobName.substring(prefix.length()) : null;
    }

    /** The artists on this agent, joined; "agent N" when artists.yaml names none. */
    private static String artistOf(SyncRules rules, long agentId) {
        List<String> names = rules.artistsOn(agentId);
        return names.isEmpty() ? "agent " + agentId : String.join(", ", names);
    }
}
