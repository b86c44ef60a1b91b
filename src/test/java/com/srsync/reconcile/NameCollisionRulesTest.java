package com.srsync.reconcile;

import static com.srsync.reconcile.Studio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names that would make two jobs one: a shot named like the assets job, codes that are one folder on
 * Windows and macOS, tank names that extend each other, display names two users share. One row per
 * case: the shots of project TST (in id order), the writes planned, the shots skipped.
 */
class NameCollisionRulesTest {
    private static final Reconciler RECONCILER = new Reconciler(RULES, new DeleteGuard(1.0, 0));
    private static final String E_COMPOSED = "SH_\u00e9t\u00e9", E_DECOMPOSED = "SH_e\u0301te\u0301";

    static Stream<Arguments> collisions() {
        return Stream.of(
            row("a shot coded Assets gets no job; the assets job is the project's", List.of("TST_010_0010 Alex", "Assets Matthew"),
                    List.of("create HybridWork_TST_TST_010_0010", "create HybridWork_TST_Assets"),
                    List.of("Assets: its job would be named HybridWork_TST_Assets, the name of the project's assets job; rename the shot")),
            row("so does one coded aSSETS", List.of("aSSETS Alex"),
                    List.of(),
                    List.of("aSSETS: its job would be named HybridWork_TST_aSSETS, the name of the project's assets job; rename the shot")),
            row("codes that differ only in case: the lowest id keeps its job", List.of("SH010 Alex", "sh010 Matthew"),
                    List.of("create HybridWork_TST_SH010", "create HybridWork_TST_Assets"),
                    List.of("sh010: its folder 'sh010' is shot 'SH010' (id {first})'s on Windows and macOS, which ignore case and Unicode form; "
                            + "shot {first} keeps its job")),
            row("an é composed and one decomposed: one folder on macOS", List.of(E_COMPOSED + " Alex", E_DECOMPOSED + " Alex"),
                    List.of("create HybridWork_TST_" + E_COMPOSED, "create HybridWork_TST_Assets"),
                    List.of(E_DECOMPOSED + ": its folder '" + E_DECOMPOSED + "' is shot '" + E_COMPOSED + "' (id {first})'s on Windows and macOS, "
                            + "which ignore case and Unicode form; shot {first} keeps its job")),
            row("one code on two shots is one job, as before", List.of("TST_010_0010 Alex", "TST_010_0010 Matthew"),
                    List.of("create HybridWork_TST_TST_010_0010", "create HybridWork_TST_Assets"), List.of()));
    }

    private static Arguments row(String rule, List<String> shots, List<String> writes, List<String> skipped) {
        return Arguments.of(rule, shots, writes, skipped);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collisions")
    void two_jobs_never_share_one_name_or_one_folder(String rule, List<String> shots, List<String> writes, List<String> skipped) {
        List<ShotRecord> records = new ArrayList<>();
        for (String s : shots) {
            String[] codeAndArtist = s.split(" ");
            records.add(shot(codeAndArtist[0], "active", codeAndArtist[1].equals("Alex") ? "Alex Trial" : "Matthew Testuser"));
        }
        ProjectPlan plan = RECONCILER.plan(project("TST", records.toArray(ShotRecord[]::new)), List.of());

        assertEquals(writes, describe(plan));
        String first = String.valueOf(records.get(0).id());
        assertEquals(skipped.stream().map(s -> s.replace("{first}", first)).toList(),
                plan.skippedShots().stream().map(s -> s.code() + ": " + s.reason()).toList());
    }

    @Test
    void a_shot_coded_assets_never_flips_the_assets_jobs_folders() {
        ShotRecord shot = shot("TST_010_0010", "active", "Alex Trial");
        ShotRecord assets = shot("Assets", "active", "Alex Trial");
        List<ObservedJob> console = applied(project("TST", shot), 1001);

        ProjectPlan plan = RECONCILER.plan(project("TST", shot, assets), console);

        assertEquals(List.of(), describe(plan), "the assets job stays as it is: 2_ASSETS, for everyone on an active shot");
    }

    @Test
    void a_project_whose_tank_name_extends_anothers_takes_none_of_its_recorded_jobs() {
        ShotRecord x010 = shot("X_010", "active", "Alex Trial");
        List<ObservedJob> console = applied(project("TST", x010), 1001);      // HybridWork_TST_X_010, recorded as TST's
        ProjectDirectory site = directory(155, "TST", 156, "TST_X");           // someone makes project TST_X

        ProjectPlan plan = RECONCILER.plan(project("TST", site, x010, shot("X_020", "active", "Alex Trial")), console);

        assertEquals(List.of(), describe(plan), "TST keeps its own X_010 job; X_020's job is not made");
        assertEquals(List.of("HybridWork_TST_X_020"), plan.conflicts());
    }

    @Test
    void a_recorded_job_under_a_longer_tank_name_is_deleted_only_with_a_true_reason() {
        ShotRecord x010 = shot("X_010", "active", "Alex Trial");
        List<ObservedJob> console = applied(project("TST", x010), 1001);
        ProjectDirectory site = directory(155, "TST", 156, "TST_X");
        ShotRecord onHold = new ShotRecord(x010.id(), "X_010", "hld", x010.sequence(), x010.assignees());

        ProjectPlan plan = RECONCILER.plan(project("TST", site, onHold), console);

        assertEquals(List.of("delete 1001 shot not active", "delete 1002 no artist on an active shot"), describe(plan));
    }

    @Test
    void an_artist_matched_by_display_name_whom_two_users_share_is_matched_to_neither() {
        ShotRecord shot = new ShotRecord(1, "TST_010_0010", "active", "TST_010",
                List.of(ShotGridUser.named(7, "Alex Trial"), ShotGridUser.named(12, "Alex Trial"), ShotGridUser.named(8, "Matthew Testuser")));

        ProjectPlan plan = RECONCILER.plan(project("TST", shot), List.of());

        assertEquals(List.of(3L), plan.creates().get(0).getDesired().agents().stream().filter(a -> a.role().equals("enduser")).map(JobAgent::id).toList());
        assertEquals(List.of(new SkippedArtist("Alex Trial", "2 ShotGrid users are named 'Alex Trial' (ids [7, 12]): matched to neither; "
                + "list the artist's login or email in artists.yaml")), plan.skippedArtists());
    }

    @Test
    void an_artist_listed_with_a_login_is_matched_by_it_whoever_shares_the_name() {
        Artist alexByLogin = new Artist("Alex Trial", "atrial", null, MACBOOK);
        Reconciler reconciler = new Reconciler(rules(alexByLogin, MATTHEW), new DeleteGuard(1.0, 0));
        ShotRecord shot = new ShotRecord(1, "TST_010_0010", "active", "TST_010",
                List.of(new ShotGridUser(7, "Alex Trial", "atrial", null), new ShotGridUser(12, "Alex Trial", "alex.t", null)));

        ProjectPlan plan = reconciler.plan(project("TST", shot), List.of());

        assertEquals(List.of(2L), plan.creates().get(0).getDesired().agents().stream().filter(a -> a.role().equals("enduser")).map(JobAgent::id).toList());
        assertEquals(List.of(), plan.skippedArtists());
    }

    @Test
    void two_desired_jobs_with_one_name_are_neither_made_nor_changed_and_both_are_listed() {
        DesiredJob a = new DesiredJob("HybridWork_TST_X", JobKind.SHOT, "hybrid_work", "a", List.of());
        DesiredJob b = new DesiredJob("HybridWork_TST_x", JobKind.SHOT, "hybrid_work", "b", List.of());
        DesiredJob c = new DesiredJob("HybridWork_TST_Assets", JobKind.ASSETS, "hybrid_work", "c", List.of());

        UniqueJobNames unique = UniqueJobNames.of(List.of(a, b, c));

        assertEquals(List.of(c), unique.jobs());
        assertEquals(List.of("HybridWork_TST_X", "HybridWork_TST_x"), unique.held());
    }
}
