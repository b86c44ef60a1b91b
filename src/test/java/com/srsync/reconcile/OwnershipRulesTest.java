package com.srsync.reconcile;

import static com.srsync.reconcile.Studio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A job belongs to the project it was made for: the rules of ownership, adoption and orphaned jobs. */
class OwnershipRulesTest {
    private static final Reconciler RECONCILER = new Reconciler(RULES, new DeleteGuard(0.5, 5));
    private static final ShotRecord TST_SHOT = shot("TST_010_0010", "active", "Alex Trial");
    /** TST_B's jobs as this service made them: recorded as project 156's. */
    private static final List<ObservedJob> TST_B_JOBS = List.of(recorded(2001, "HybridWork_TST_B_010_0010", 156),
            recorded(2002, "HybridWork_TST_B_010_0020", 156), recorded(2003, "HybridWork_TST_B_Assets", 156));

    @Test
    void a_project_whose_tank_name_is_cleared_keeps_its_jobs_and_no_other_project_takes_them() {
        ProjectDirectory site = directory(155, "TST", 156, null);

        ProjectPlan tst = RECONCILER.plan(project("TST", site, TST_SHOT), TST_B_JOBS);
        ProjectPlan tstB = RECONCILER.plan(new ProjectSnapshot(156, site, List.of()), TST_B_JOBS);

        assertEquals(List.of("create HybridWork_TST_TST_010_0010", "create HybridWork_TST_Assets"), describe(tst));
        assertEquals(new GuardVerdict(false, 0, 0), tst.guard());
        assertEquals("project has no tank_name; its jobs are left alone", tstB.leftAlone());
        assertEquals(List.of(new OrphanedJobs(156L, List.of("HybridWork_TST_B_010_0010", "HybridWork_TST_B_010_0020", "HybridWork_TST_B_Assets"),
                "project has no tank_name; its jobs are left alone")), tstB.orphaned());
    }

    @Test
    void a_deleted_projects_jobs_are_orphaned_not_taken() {
        ProjectDirectory site = directory(155, "TST");

        ProjectPlan tst = RECONCILER.plan(project("TST", site, TST_SHOT), TST_B_JOBS);

        assertEquals(List.of("create HybridWork_TST_TST_010_0010", "create HybridWork_TST_Assets"), describe(tst));
        assertEquals(List.of(new OrphanedJobs(156L, List.of("HybridWork_TST_B_010_0010", "HybridWork_TST_B_010_0020", "HybridWork_TST_B_Assets"),
                "project 156 is not in ShotGrid (deleted, or in the trash)")), JobAttribution.of(site, TST_B_JOBS).orphaned());
    }

    @Test
    void a_renamed_tank_replaces_the_projects_own_old_named_jobs() {
        ProjectDirectory site = directory(155, "TST", 156, "TSTB");
        ShotRecord tstbShot = shotIn("010", "010_0010", "active", "Matthew Testuser");

        ProjectPlan tstB = RECONCILER.plan(new ProjectSnapshot(156, site, List.of(tstbShot)), TST_B_JOBS);
        ProjectPlan tst = RECONCILER.plan(project("TST", site, TST_SHOT), TST_B_JOBS);

        assertEquals(List.of("create HybridWork_TSTB_010_0010", "create HybridWork_TSTB_Assets",
                "delete 2001 made under another tank_name; the project's tank_name is now TSTB",
                "delete 2002 made under another tank_name; the project's tank_name is now TSTB",
                "delete 2003 made under another tank_name; the project's tank_name is now TSTB"), describe(tstB));
        assertEquals(List.of("create HybridWork_TST_TST_010_0010", "create HybridWork_TST_Assets"), describe(tst));
    }

    @Test
    void projects_whose_tank_names_are_prefixes_of_each_other_each_adopt_only_their_own_old_jobs() {
        ProjectDirectory site = directory(155, "TST", 156, "TST_B");
        ProjectSnapshot tst = project("TST", site, TST_SHOT);
        ProjectSnapshot tstB = new ProjectSnapshot(156, site, List.of(shotIn("010", "010_0010", "active", "Matthew Testuser")));
        List<ObservedJob> console = new ArrayList<>(oldTool(RECONCILER.plan(tst, List.of()), 1001));
        console.addAll(oldTool(RECONCILER.plan(tstB, List.of()), 2001));

        assertEquals(List.of("update 1001 [description]", "update 1002 [description]"), describe(RECONCILER.plan(tst, console)));
        assertEquals(List.of("update 2001 [description]", "update 2002 [description]"), describe(RECONCILER.plan(tstB, console)));
    }

    @Test
    void an_old_tool_job_is_adopted_once_and_gets_the_record_on_its_first_update() {
        ProjectSnapshot tst = project("TST", TST_SHOT);
        List<ObservedJob> console = oldTool(RECONCILER.plan(tst, List.of()), 1001);

        ProjectPlan plan = RECONCILER.plan(tst, console);

        assertEquals(List.of("update 1001 [description]", "update 1002 [description]"), describe(plan));
        assertEquals("Shot TST_010_0010 for: Alex Trial [ShotGrid project 155]", plan.updates().get(0).getDesired().description());
        assertEquals(155L, JobOwnership.recordedProject(plan.updates().get(0).getDesired().description()).getAsLong());
    }

    @Test
    void a_job_recorded_as_another_projects_is_never_changed_even_under_our_name() {
        List<ObservedJob> console = List.of(recorded(2001, "HybridWork_TST_TST_010_0010", 156), recorded(2002, "HybridWork_TST_Assets", 156));
        ProjectDirectory site = directory(155, "TST", 156, "OTHER");

        ProjectPlan plan = RECONCILER.plan(project("TST", site, TST_SHOT), console);

        assertEquals(List.of("create HybridWork_TST_TST_010_0010", "create HybridWork_TST_Assets"), describe(plan));
        assertEquals(new GuardVerdict(false, 0, 0), plan.guard());
    }

    @Test
    void the_delete_guard_counts_only_the_projects_own_jobs() {
        List<ObservedJob> console = new ArrayList<>(TST_B_JOBS);
        console.add(recorded(1001, "HybridWork_TST_TST_010_0010", 155));

        ProjectPlan plan = RECONCILER.plan(project("TST", directory(155, "TST", 156, null)), console);

        assertEquals(List.of("delete 1001 shot not active"), describe(plan));
        assertEquals(new GuardVerdict(false, 1, 1), plan.guard());
    }

    @Test
    void an_old_job_no_project_claims_is_orphaned_with_its_reason() {
        List<ObservedJob> console = List.of(bare(3001, "HybridWork_GONE_010"), bare(3002, "HybridWork_OLD_010"), bare(3003, "Render_Sync"));
        ProjectDirectory site = new ProjectDirectory(java.util.Map.of(155L, "TST"), Set.of("OLD"));

        JobAttribution attribution = JobAttribution.of(site, console);

        assertEquals(List.of(
                new OrphanedJobs(null, List.of("HybridWork_GONE_010"), "no ownership record, and no project's tank_name matches its name"),
                new OrphanedJobs(null, List.of("HybridWork_OLD_010"), "no ownership record; its name matches tank_name 'OLD' of a project in the trash")),
                attribution.orphaned());
        assertEquals(java.util.Map.of(), attribution.owned());
    }

    @Test
    void two_projects_with_one_tank_name_are_both_left_alone() {
        ProjectDirectory site = directory(155, "TST", 157, "TST");

        ProjectPlan plan = RECONCILER.plan(project("TST", site, TST_SHOT), List.of());

        assertEquals("tank_name 'TST' is also project 157's; both projects and their jobs are left alone", plan.leftAlone());
        assertEquals(List.of(), plan.operations());
    }

    @Test
    void the_record_is_read_only_from_the_end_of_the_description() {
        assertEquals(156L, JobOwnership.recordedProject("Shot [ShotGrid project 155] x for: A [ShotGrid project 156]").getAsLong());
        assertEquals(java.util.OptionalLong.empty(), JobOwnership.recordedProject("Shot [ShotGrid project 155] for: A"));
        assertEquals(java.util.OptionalLong.empty(), JobOwnership.recordedProject(null));
        assertNull(RECONCILER.plan(project("TST", TST_SHOT), List.of()).leftAlone());
    }

    /** The jobs a plan would create, as the old tool made them: the same names, agents and text, without the record. */
    private static List<ObservedJob> oldTool(ProjectPlan plan, long firstId) {
        List<ObservedJob> jobs = new ArrayList<>();
        long id = firstId;
        for (JobOperation op : plan.creates()) {
            String description = op.getDesired().description().replaceAll(" \\[ShotGrid project \\d+]$", "");
            jobs.add(new ObservedJob(id++, op.getJobName(), description, op.getDesired().agents()));
        }
        return jobs;
    }
}
