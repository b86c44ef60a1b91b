package com.srsync.reconcile;

import static com.srsync.reconcile.Studio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reconcile rules of the README, one row each: snapshot, console jobs, expected writes. */
class ReconcilerRulesTest {
    private static final Reconciler RECONCILER = new Reconciler(RULES, new DeleteGuard(1.0, 0));

    static Stream<Arguments> rules() {
        ProjectSnapshot alexOn0010 = project("TST", shot("TST_010_0010", "active", "Alex Trial"));
        ProjectSnapshot bothOn0010 = project("TST", shot("TST_010_0010", "active", "Alex Trial", "Matthew Testuser"));
        ProjectSnapshot bothOnTwoShots = project("TST", shot("TST_010_0010", "active", "Alex Trial"),
                shot("TST_010_0020", "active", "Matthew Testuser"));
        List<ObservedJob> bothApplied = applied(bothOn0010, 1001);
        List<ObservedJob> twoShotsApplied = applied(bothOnTwoShots, 1001);
        return Stream.of(
            row("an active shot with an artist gets its job and the assets job", alexOn0010, List.of(),
                "create HybridWork_TST_TST_010_0010", "create HybridWork_TST_Assets"),
            row("several artists on several tasks make one job per shot and one assets job",
                project("TST", shot("TST_010_0010", "active", "Alex Trial", "Matthew Testuser", "Alex Trial"),
                        shot("TST_010_0020", "active", "Matthew Testuser")), List.of(),
                "create HybridWork_TST_TST_010_0010", "create HybridWork_TST_TST_010_0020", "create HybridWork_TST_Assets"),
            row("a shot not in an active status gets no job", project("TST", shot("TST_010_0010", "hld", "Alex Trial")), List.of()),
            row("an active shot with nobody assigned gets no job", project("TST", shot("TST_010_0010", "active")), List.of()),
            row("a project already in step makes no writes", bothOn0010, bothApplied),
            row("an unassigned artist leaves the shot job and the assets job",
                alexOn0010, bothApplied, "update 1001 [agents, description]", "update 1002 [agents, description]"),
            row("the last artist removed deletes the shot job and the assets job",
                project("TST", shot("TST_010_0010", "active")), bothApplied,
                "delete 1001 no artist assigned", "delete 1002 no artist on an active shot"),
            row("a shot put on hold loses its job; the others stay",
                project("TST", shot("TST_010_0010", "hld", "Alex Trial"), shot("TST_010_0020", "active", "Matthew Testuser")),
                twoShotsApplied, "update 1003 [agents, description]", "delete 1001 shot not active"),
            row("a changed path is repaired", bothOn0010, withAgent(bothApplied, 0, 2, a -> new JobAgent(a.id(), a.role(), a.permission(),
                OsPaths.fromSingleBase("/Volumes/Old/TST"), a.priorityAgents(), a.filePolicyId())), "update 1001 [agents]"),
            row("a changed permission is repaired", bothOn0010, withAgent(bothApplied, 0, 2, a -> new JobAgent(a.id(), a.role(), "rw",
                a.path(), a.priorityAgents(), a.filePolicyId())), "update 1001 [agents]"),
            row("a changed role is repaired", bothOn0010, withAgent(bothApplied, 1, 4, a -> new JobAgent(a.id(), JobAgent.END_USER,
                a.permission(), a.path(), a.priorityAgents(), a.filePolicyId())), "update 1002 [agents]"),
            row("a changed file policy the console reports is repaired", bothOn0010, withAgent(bothApplied, 0, 3,
                a -> new JobAgent(a.id(), a.role(), a.permission(), a.path(), null, 7)), "update 1001 [agents]"),
            row("flags the console does not report are not compared", bothOn0010, withAgent(bothApplied, 0, 4,
                a -> new JobAgent(a.id(), a.role(), a.permission(), a.path(), null, null))),
            row("an agent added to a job by hand is removed", bothOn0010, withExtraAgent(bothApplied, 0), "update 1001 [agents]"),
            row("an artist not in artists.yaml is skipped", project("TST", shot("TST_010_0010", "active", "Sam Unlisted")), List.of()),
            row("a project without a tank name is left alone", project(null, shot("TST_010_0010", "active", "Alex Trial")), bothApplied),
            row("TST's reconcile never touches TST_B's jobs",
                project("TST", directory(155, "TST", 156, "TST_B"), shot("TST_010_0010", "active", "Alex Trial")),
                List.of(bare(2001, "HybridWork_TST_B_010_0010"), bare(2002, "HybridWork_TST_B_Assets")),
                "create HybridWork_TST_TST_010_0010", "create HybridWork_TST_Assets"),
            row("TST_B's reconcile never touches TST's jobs",
                new ProjectSnapshot(156, directory(155, "TST", 156, "TST_B"), List.of()),
                List.of(bare(2001, "HybridWork_TST_TST_010_0010"), bare(2002, "HybridWork_TST_Assets"))),
            row("a job name that would belong to a longer tank name is not created",
                project("TST", directory(155, "TST", 156, "TST_B"), shot("B_010", "active", "Alex Trial")), List.of(), "create HybridWork_TST_Assets"),
            row("duplicate job names are reduced to the lowest id", bothOn0010, withCopy(bothApplied, 0, 999),
                "delete 1001 duplicate of job 999"),
            row("jobs that are not HybridWork_ are never in the plan", project("TST"),
                List.of(bare(3001, "Render_Sync"), bare(3002, "hybridwork_TST_010"), bare(3003, "HybridWork_"), bare(3004, "HybridWork_OTHER_Assets"))),
            row("a managed job of the project with no matching shot is deleted", bothOn0010,
                plus(bothApplied, bare(3005, "HybridWork_TST_TST_999_0010")), "delete 3005 shot not active")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void plan_follows_the_rule(String rule, ProjectSnapshot snapshot, List<ObservedJob> console, List<String> expected) {
        assertEquals(expected, describe(RECONCILER.plan(snapshot, console)));
    }

    private static Arguments row(String rule, ProjectSnapshot snapshot, List<ObservedJob> console, String... expected) {
        return Arguments.of(rule, snapshot, console, List.of(expected));
    }

    private static List<ObservedJob> withAgent(List<ObservedJob> jobs, int job, long agentId,
                                               java.util.function.UnaryOperator<JobAgent> change) {
        List<ObservedJob> out = new ArrayList<>(jobs);
        ObservedJob j = out.get(job);
        out.set(job, new ObservedJob(j.id(), j.name(), j.description(),
                j.agents().stream().map(a -> a.id() == agentId ? change.apply(a) : a).toList()));
        return out;
    }

    private static List<ObservedJob> withExtraAgent(List<ObservedJob> jobs, int job) {
        List<ObservedJob> out = new ArrayList<>(jobs);
        ObservedJob j = out.get(job);
        List<JobAgent> agents = new ArrayList<>(j.agents());
        agents.add(new JobAgent(99, JobAgent.END_USER, "srw", OsPaths.fromSingleBase("/Volumes/X"), null, 1));
        out.set(job, new ObservedJob(j.id(), j.name(), j.description(), agents));
        return out;
    }

    private static List<ObservedJob> withCopy(List<ObservedJob> jobs, int job, long copyId) {
        ObservedJob j = jobs.get(job);
        return plus(jobs, new ObservedJob(copyId, j.name(), j.description(), j.agents()));
    }

    private static List<ObservedJob> plus(List<ObservedJob> jobs, ObservedJob extra) {
        List<ObservedJob> out = new ArrayList<>(jobs);
        out.add(extra);
        return out;
    }
}
