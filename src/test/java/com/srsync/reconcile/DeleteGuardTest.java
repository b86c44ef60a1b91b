package com.srsync.reconcile;

import static com.srsync.reconcile.Studio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeleteGuardTest {

    @ParameterizedTest(name = "{0} of {1} managed, fraction {2}, minimum {3} -> blocked {4}")
    @CsvSource({
        "12, 12, 0.5, 5, true",
        "6, 10, 0.5, 5, true",
        "5, 10, 0.5, 5, false",   // not more than the minimum
        "5, 5, 0.5, 5, false",    // all, but only five
        "6, 12, 0.5, 5, false",   // exactly half is not more than half
        "12, 12, 1.0, 5, false",  // a fraction of 1 switches the guard off
        "1, 1, 0.5, 0, true",
    })
    void blocks_only_above_both_thresholds(int deletes, int managed, double fraction, int minimum, boolean blocked) {
        assertEquals(blocked, new DeleteGuard(fraction, minimum).check(deletes, managed).blocked());
    }

    @Test
    void a_blocked_plan_writes_nothing_but_still_lists_its_deletes() {
        ProjectSnapshot before = project("TST");
        List<ShotRecord> shots = new ArrayList<>();
        for (int i = 1; i <= 11; i++) shots.add(shot("TST_010_%04d".formatted(i * 10), "active", "Alex Trial"));
        List<ObservedJob> twelve = applied(new ProjectSnapshot(PROJECT, directory(PROJECT, "TST"), shots), 1001);

        ProjectPlan plan = new Reconciler(RULES, new DeleteGuard(0.5, 5)).plan(before, twelve);

        assertTrue(plan.isBlocked());
        assertEquals(12, plan.deletes().size());
        assertEquals(new GuardVerdict(true, 12, 12), plan.guard());
        assertTrue(plan.writes().isEmpty());
    }

    @Test
    void a_studio_planned_at_once_gives_the_same_plans_as_project_by_project() {
        ProjectDirectory site = directory(155, "TST", 156, "TST_B");
        ProjectSnapshot tst = project("TST", site, shot("TST_010_0010", "active", "Alex Trial"));
        ProjectSnapshot tstB = new ProjectSnapshot(156, site, List.of(shot("TST_B_010_0010", "active", "Matthew Testuser")));
        List<ObservedJob> console = List.of(bare(1, "HybridWork_TST_B_010_0010"), bare(2, "HybridWork_TST_TST_010_0010"), bare(3, "HybridWork_TST_Assets"),
                bare(4, "Other_Job"), bare(5, "HybridWork_TST_B_Assets"));
        Reconciler reconciler = new Reconciler(RULES, new DeleteGuard(1.0, 0));

        List<ProjectPlan> studio = reconciler.planStudio(site, List.of(tst, tstB), console);
        List<ProjectPlan> oneByOne = List.of(reconciler.plan(tst, console), reconciler.plan(tstB, console));
        for (int i = 0; i < 2; i++) {
            assertEquals(describe(oneByOne.get(i)), describe(studio.get(i)));
            assertEquals(oneByOne.get(i).guard(), studio.get(i).guard());
        }
        assertEquals(List.of("update 2 [agents, description]", "update 3 [agents, description]"), describe(studio.get(0)));
    }

    @Test
    void an_unblocked_plan_writes_its_operations() {
        ProjectPlan plan = new Reconciler(RULES, new DeleteGuard(0.5, 5)).plan(project("TST", shot("TST_010_0010", "active", "Alex Trial")), List.of());
        assertFalse(plan.isBlocked());
        assertEquals(2, plan.writes().size());
    }
}
