package com.srsync.reconcile;

import static com.srsync.reconcile.Studio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Switching between one assets job per project and a job per asset is make-before-break: the new mode's jobs are
 * made while the old mode's stay untouched, and only the plan after they exist lets the old ones go - through
 * the delete guard like any delete. Also the per-asset jobs' own lifecycle: unlinked, renamed, retired.
 */
class AssetModeSwitchTest {
    private static final SyncRules PROJECT_MODE = rules(ALEX, MATTHEW);
    private static final SyncRules PER_ASSET = perAsset(ALEX, MATTHEW);
    private static final DeleteGuard NO_GUARD = new DeleteGuard(1.0, 0);
    private static final String ASSETS = "HybridWork_TST_Assets";
    private static final String BOB = "HybridWork_TST_Asset_Character_Bob";
    private static final String CHAIR = "HybridWork_TST_Asset_Prop_Chair";

    private final ProjectSnapshot studio = withAssets(List.of(asset(501, "Character", "Bob", "ip", "Matthew Testuser"),
                    asset(502, "Prop", "Chair", "cmpt")),
            using(shot("TST_010_0010", "active", "Alex Trial"), 501L, 502L));

    @Test
    void to_per_asset_makes_the_asset_jobs_before_the_project_assets_job_goes() {
        List<ObservedJob> console = applied(PROJECT_MODE, studio, 1001);
        ProjectPlan first = new Reconciler(PER_ASSET, NO_GUARD).plan(studio, console);
        assertEquals(List.of("create " + BOB, "create " + CHAIR), describe(first));
        assertEquals(List.of(ASSETS), first.keptForSwitch());
        assertTrue(first.isSwitching(), "the project is planned again soon, to let the old job go");

        ProjectPlan second = new Reconciler(PER_ASSET, NO_GUARD).plan(studio, plus(console, assetJobs(applied(PER_ASSET, studio, 2001))));
        assertEquals(List.of("delete 1002 assets are per asset now (assets: per_asset): each asset has a job of its own"), describe(second));
        assertFalse(second.isSwitching());
    }

    @Test
    void the_project_assets_job_stays_while_an_asset_job_lacks_an_artist() {
        List<ObservedJob> perAsset = assetJobs(applied(PER_ASSET, studio, 2001));
        ObservedJob bob = perAsset.get(0);
        ObservedJob bobWithoutAlex = new ObservedJob(bob.id(), bob.name(), bob.description(), bob.agents().stream().filter(a -> a.id() != 2).toList());
        List<ObservedJob> console = plus(applied(PROJECT_MODE, studio, 1001), List.of(bobWithoutAlex, perAsset.get(1)));

        ProjectPlan plan = new Reconciler(PER_ASSET, NO_GUARD).plan(studio, console);

        assertEquals(List.of("update 2002 [agents]"), describe(plan), "Alex joins the asset's job; the old job waits until he is on it");
        assertEquals(List.of(ASSETS), plan.keptForSwitch());
    }

    @Test
    void a_snapshot_read_before_the_switch_to_per_asset_is_planned_as_it_was_read() {
        ProjectSnapshot readInProjectMode = project("TST", studio.shots().toArray(new ShotRecord[0]));   // no assets read
        List<ObservedJob> console = applied(PROJECT_MODE, studio, 1001);

        ProjectPlan plan = new Reconciler(PER_ASSET, NO_GUARD).plan(readInProjectMode, console);

        assertEquals(List.of(), describe(plan), "the project's assets job stays until a snapshot with the assets is planned");
    }

    @Test
    void back_to_project_makes_the_project_assets_job_before_the_asset_jobs_go() {
        List<ObservedJob> console = applied(PER_ASSET, studio, 2001);
        ProjectPlan first = new Reconciler(PROJECT_MODE, NO_GUARD).plan(studio, console);
        assertEquals(List.of("create " + ASSETS), describe(first));
        assertEquals(List.of(BOB, CHAIR), first.keptForSwitch());

        ProjectPlan second = new Reconciler(PROJECT_MODE, NO_GUARD).plan(studio, plus(console, assetJobs(applied(PROJECT_MODE, studio, 1001))));
        String why = "assets are one job per project again (assets: project): the project's assets job holds them";
        assertEquals(List.of("delete 2002 " + why, "delete 2003 " + why), describe(second));
    }

    @Test
    void to_per_asset_with_no_asset_needed_lets_the_project_assets_job_go_at_once() {
        ProjectSnapshot noLinks = withAssets(List.of(), shot("TST_010_0010", "active", "Alex Trial"));
        ProjectPlan plan = new Reconciler(PER_ASSET, NO_GUARD).plan(noLinks, applied(PROJECT_MODE, noLinks, 1001));
        assertEquals(List.of("delete 1002 assets are per asset now (assets: per_asset): each asset has a job of its own"), describe(plan));
    }

    @Test
    void the_delete_guard_counts_the_deletes_of_a_switch() {
        List<ObservedJob> console = plus(applied(PER_ASSET, studio, 2001), assetJobs(applied(PROJECT_MODE, studio, 1001)));
        ProjectPlan plan = new Reconciler(PROJECT_MODE, new DeleteGuard(0.3, 0)).plan(studio, console);
        assertTrue(plan.isBlocked(), "2 of 4 jobs deleted is over 30%");
        assertEquals(2, plan.guard().deletes());
    }

    @Test
    void a_shot_coded_like_an_asset_job_keeps_its_job_in_project_mode() {
        ProjectSnapshot snapshot = withAssets(List.of(), shotIn("TST_010", "Asset_Prop_Chair", "active", "Alex Trial"));
        List<ObservedJob> console = applied(PROJECT_MODE, snapshot, 1001);
        ProjectPlan plan = new Reconciler(PROJECT_MODE, NO_GUARD).plan(snapshot, console);
        assertEquals(List.of(), describe(plan));
        assertFalse(plan.isSwitching(), "a shot's job is not an asset's: its description says Shot");
    }

    @Test
    void an_asset_unlinked_from_its_last_active_shot_loses_its_job() {
        List<ObservedJob> console = applied(PER_ASSET, studio, 2001);
        ProjectSnapshot unlinked = withAssets(List.of(asset(501, "Character", "Bob", "ip", "Matthew Testuser"), asset(502, "Prop", "Chair", "cmpt")),
                using(studio.shots().get(0), 501L));
        assertEquals(List.of("delete 2003 no artist on its tasks while it is active, and no active shot with artists uses it"),
                describe(new Reconciler(PER_ASSET, NO_GUARD).plan(unlinked, console)));
    }

    @Test
    void an_asset_unlinked_from_one_of_two_shots_loses_that_shots_artists() {
        ProjectSnapshot two = withAssets(List.of(asset(502, "Prop", "Chair", "cmpt")), using(shot("TST_010_0010", "active", "Alex Trial"), 502L),
                using(shot("TST_010_0020", "active", "Matthew Testuser"), 502L));
        List<ObservedJob> console = applied(PER_ASSET, two, 2001);
        ProjectSnapshot one = withAssets(two.assets(), two.shots().get(0), using(two.shots().get(1)));
        assertEquals(List.of("update 2003 [agents, description]"), describe(new Reconciler(PER_ASSET, NO_GUARD).plan(one, console)));
    }

    @Test
    void an_asset_type_renamed_makes_the_job_at_the_new_folder_and_deletes_the_old() {
        List<ObservedJob> console = applied(PER_ASSET, studio, 2001);
        ProjectSnapshot renamed = withAssets(List.of(asset(501, "Creature", "Bob", "ip", "Matthew Testuser"), asset(502, "Prop", "Chair", "cmpt")),
                studio.shots().get(0));
        ProjectPlan plan = new Reconciler(PER_ASSET, NO_GUARD).plan(renamed, console);
        assertEquals(List.of("create HybridWork_TST_Asset_Creature_Bob",
                "delete 2002 no such asset is active or used by an active shot (renamed, retyped, retired, or unlinked)"), describe(plan));
        JobAgent matthew = plan.creates().get(0).getDesired().agents().stream().filter(a -> a.id() == 3).findFirst().orElseThrow();
        assertEquals("/Volumes/Company/TST/2_WORK/2_ASSETS/Creature/Bob", matthew.path().osx());
    }

    @Test
    void a_retired_asset_loses_its_job() {
        List<ObservedJob> console = applied(PER_ASSET, studio, 2001);
        ProjectSnapshot retired = withAssets(List.of(asset(502, "Prop", "Chair", "cmpt")), using(studio.shots().get(0), 502L));
        assertEquals(List.of("delete 2002 no such asset is active or used by an active shot (renamed, retyped, retired, or unlinked)"),
                describe(new Reconciler(PER_ASSET, NO_GUARD).plan(retired, console)));
    }

    /** Only the jobs that hold assets: the project's assets job or the asset jobs. */
    private static List<ObservedJob> assetJobs(List<ObservedJob> jobs) {
        return jobs.stream().filter(j -> j.name().startsWith("HybridWork_TST_Asset")).toList();
    }

    private static List<ObservedJob> plus(List<ObservedJob> a, List<ObservedJob> b) {
        List<ObservedJob> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
