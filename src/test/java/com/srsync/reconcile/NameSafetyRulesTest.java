package com.srsync.reconcile;

import static com.srsync.reconcile.Studio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Names from ShotGrid are data, never paths: one row per class of unsafe name, then the rules around it. */
class NameSafetyRulesTest {
    private static final Reconciler RECONCILER = new Reconciler(RULES, new DeleteGuard(1.0, 0));

    static Stream<Arguments> unsafeShots() {
        return Stream.of(
            row("a shot code with slashes", "TST_010", "../../../../../../etc", "shot code '../../../../../../etc' contains '/', a path separator"),
            row("a shot code with backslashes", "TST_010", "..\\..\\..\\Windows", "shot code '..\\..\\..\\Windows' contains '\\', a path separator"),
            row("a shot code that is ..", "TST_010", "..", "shot code '..' is '..', which names a folder that already exists"),
            row("a shot code with a control character", "TST_010", "TST_010\r0010", "shot code 'TST_010\\u000D0010' holds a control character (U+000D)"),
            row("a shot code with a Windows-reserved character", "TST_010", "TST_010<0010>", "shot code 'TST_010<0010>' holds '<', which Windows forbids in folder names"),
            row("a shot code of spaces", "TST_010", "  ", "shot code '  ' is empty"),
            row("an unsafe sequence", "../../../srv", "TST_010_0010", "sequence '../../../srv' contains '/', a path separator"),
            row("a sequence that is ..", "..", "TST_010_0010", "sequence '..' is '..', which names a folder that already exists"));
    }

    private static Arguments row(String rule, String sequence, String code, String reason) {
        return Arguments.of(rule, sequence, code, reason);
    }

    @ParameterizedTest(name = "{0}: no job, listed as skipped")
    @MethodSource("unsafeShots")
    void an_unsafe_name_gets_no_job_and_is_listed(String rule, String sequence, String code, String reason) {
        ShotRecord shot = shotIn(sequence, code, "active", "Alex Trial");

        ProjectPlan plan = RECONCILER.plan(project("TST", shot), List.of());

        assertEquals(List.of(), describe(plan));    // no shot job, and no assets job: the skipped shot's artist counts nowhere
        assertEquals(List.of(new SkippedShot(shot.id(), code, reason)), plan.skippedShots());
    }

    @Test
    void a_skipped_shot_leaves_the_projects_other_shots_alone() {
        ShotRecord bad = shot("TST_010/../../x", "active", "Matthew Testuser");
        ProjectPlan plan = RECONCILER.plan(project("TST", shot("TST_010_0010", "active", "Alex Trial"), bad), List.of());

        assertEquals(List.of("create HybridWork_TST_TST_010_0010", "create HybridWork_TST_Assets"), describe(plan));
        assertEquals(List.of(2L), plan.creates().get(1).getDesired().agents().stream().filter(a -> a.role().equals("enduser")).map(JobAgent::id).toList(),
                "Matthew is on no other active shot, so not in the assets job");
        assertEquals(1, plan.skippedShots().size());
    }

    @Test
    void a_shot_renamed_to_an_unsafe_code_loses_its_old_job() {
        ShotRecord before = shot("TST_010_0010", "active", "Alex Trial");
        List<ObservedJob> console = applied(project("TST", before), 1001);
        ShotRecord renamed = new ShotRecord(before.id(), "../../../../etc", "active", "TST_010", before.assignees());

        ProjectPlan plan = RECONCILER.plan(project("TST", renamed), console);

        assertEquals(List.of("delete 1001 shot not active", "delete 1002 no artist on an active shot"), describe(plan));
        assertEquals(before.id(), plan.skippedShots().get(0).id());
    }

    @Test
    void a_shot_whose_sequence_became_unsafe_loses_its_job_and_says_why() {
        ShotRecord before = shot("TST_010_0010", "active", "Alex Trial");
        List<ObservedJob> console = applied(project("TST", before), 1001);

        ProjectPlan plan = RECONCILER.plan(project("TST", shotIn("A:B", "TST_010_0010", "active", "Alex Trial")), console);

        assertEquals(List.of("delete 1001 shot skipped: sequence 'A:B' holds ':', which Windows forbids in folder names",
                "delete 1002 no artist on an active shot"), describe(plan));
    }

    static Stream<Arguments> unsafeTanks() {
        return Stream.of(Arguments.of("../../srv"), Arguments.of("TST\\..\\.."), Arguments.of(".."), Arguments.of("T:ST"), Arguments.of("TST\n"));
    }

    @ParameterizedTest(name = "tank_name {0}: the project and its jobs are left alone")
    @MethodSource("unsafeTanks")
    void a_project_with_an_unsafe_tank_name_is_left_alone(String tank) {
        ProjectSnapshot snapshot = project(tank, shot("TST_010_0010", "active", "Alex Trial"));
        List<ObservedJob> console = List.of(recorded(1001, "HybridWork_TST_TST_010_0010", PROJECT));

        ProjectPlan plan = RECONCILER.plan(snapshot, console);

        assertEquals(List.of(), plan.operations());
        assertTrue(plan.leftAlone().startsWith("tank_name '"), plan.leftAlone());
        assertTrue(plan.leftAlone().endsWith("; the project and its jobs are left alone"), plan.leftAlone());
        assertEquals(List.of("HybridWork_TST_TST_010_0010"), plan.orphaned().get(0).jobs());
    }

    @Test
    void a_template_that_climbs_out_of_the_base_path_is_refused_even_with_safe_names() {
        SyncRules climbing = new SyncRules(PRIMARY, List.of(ALEX), new PathTemplates("${PROJECT}/../../${SHOT}", "${PROJECT}/2_WORK/2_ASSETS"),
                JobSettings.defaults(), Set.of("active"));
        ShotRecord shot = shot("TST_010_0010", "active", "Alex Trial");

        ProjectPlan plan = new Reconciler(climbing, new DeleteGuard(1.0, 0)).plan(project("TST", shot), List.of());

        assertEquals(List.of(), describe(plan));
        assertEquals("its folder is refused: for agent 4, its linux folder '/home/Company/TST/../../TST_010_0010' would not lie below the base path '/home/Company'",
                plan.skippedShots().get(0).reason());
    }

    @Test
    void a_value_that_looks_like_a_placeholder_is_filled_in_as_it_is() {
        ProjectPlan plan = RECONCILER.plan(project("TST", shotIn("${SHOT}", "TST_010_0010", "active", "Alex Trial")), List.of());

        assertEquals("/home/Company/TST/2_WORK/1_SEQUENCES/${SHOT}/TST_010_0010", plan.creates().get(0).getDesired().agents().get(0).path().linux());
        assertNull(plan.leftAlone());
    }
}
