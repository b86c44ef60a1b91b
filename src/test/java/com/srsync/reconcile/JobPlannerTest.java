package com.srsync.reconcile;

import static com.srsync.reconcile.Studio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPlannerTest {

    @Test
    void builds_the_old_tools_job_for_a_shot_with_per_os_paths() {
        DesiredJob job = new JobPlanner(RULES).desired(project("TST", shot("TST_010_0010", "active", "Matthew Testuser", "Alex Trial"))).jobs().get(0);

        assertEquals("HybridWork_TST_TST_010_0010", job.name());
        assertEquals("hybrid_work", job.type());
        assertEquals("Shot TST_010_0010 for: Alex Trial, Matthew Testuser [ShotGrid project 155]", job.description());
        assertEquals(List.of(
            new JobAgent(4, "primary_storage", "rw", new OsPaths("/home/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010",
                "\\home\\Company\\TST\\2_WORK\\1_SEQUENCES\\TST_010\\TST_010_0010", "/home/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010"), true, null),
            new JobAgent(2, "enduser", "srw", new OsPaths("/Volumes/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010",
                "\\Volumes\\Company\\TST\\2_WORK\\1_SEQUENCES\\TST_010\\TST_010_0010", "/Volumes/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010"), null, 1),
            new JobAgent(3, "enduser", "srw", new OsPaths("/Volumes/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010",
                "\\Volumes\\Company\\TST\\2_WORK\\1_SEQUENCES\\TST_010\\TST_010_0010", "/Volumes/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010"), null, 1)),
            job.agents());
    }

    @Test
    void assets_job_holds_every_artist_of_the_projects_active_shots() {
        DesiredState state = new JobPlanner(RULES).desired(project("TST",
            shot("TST_010_0010", "active", "Alex Trial"), shot("TST_010_0020", "active", "Matthew Testuser"), shot("TST_010_0030", "hld", "Sam")));
        DesiredJob assets = state.jobs().get(2);

        assertEquals("HybridWork_TST_Assets", assets.name());
        assertEquals(JobKind.ASSETS, assets.kind());
        assertEquals("Assets TST for: Alex Trial, Matthew Testuser [ShotGrid project 155]", assets.description());
        assertEquals(List.of(4L, 2L, 3L), assets.agents().stream().map(JobAgent::id).toList());
        assertEquals(Map.of("linux", "/Volumes/Company/TST/2_WORK/2_ASSETS", "win", "\\Volumes\\Company\\TST\\2_WORK\\2_ASSETS",
            "osx", "/Volumes/Company/TST/2_WORK/2_ASSETS"), assets.agents().get(1).path().asMap());
    }

    @Test
    void an_agent_shared_by_two_artists_is_listed_once() {
        SyncRules shared = rules(ALEX, new Artist("Robin Shared", null, null, MACBOOK));
        DesiredJob job = new JobPlanner(shared).desired(project("TST", shot("TST_010_0010", "active", "Alex Trial", "Robin Shared"))).jobs().get(0);

        assertEquals(List.of(4L, 2L), job.agents().stream().map(JobAgent::id).toList());
        assertEquals("Shot TST_010_0010 for: Alex Trial, Robin Shared [ShotGrid project 155]", job.description());
    }

    @Test
    void an_artist_not_in_the_config_is_reported_once_and_gets_nothing() {
        DesiredState state = new JobPlanner(RULES).desired(project("TST",
            shot("TST_010_0010", "active", "Sam Unlisted", "Alex Trial"), shot("TST_010_0020", "active", "Sam Unlisted")));

        assertEquals(List.of(new SkippedArtist("Sam Unlisted", "not in artists.yaml")), state.skippedArtists());
        assertEquals(List.of("HybridWork_TST_TST_010_0010", "HybridWork_TST_Assets"), state.jobs().stream().map(DesiredJob::name).toList());
    }

    @Test
    void a_shot_without_a_sequence_uses_the_fallback_folder() {
        DesiredJob job = new JobPlanner(RULES).desired(project("TST", shotIn(null, "0010", "active", "Alex Trial"))).jobs().get(0);

        assertEquals("/home/Company/TST/2_WORK/1_SEQUENCES/VFX/0010", job.agents().get(0).path().linux());
    }

    @Test
    void artists_are_matched_by_login_then_email_then_display_name() {
        Artist byLogin = new Artist("Alex T.", "atrial", null, MACBOOK);
        Artist byEmail = new Artist("Matt", null, "Matt@Studio.example", MINI);
        SyncRules rules = rules(byLogin, byEmail);

        assertEquals(byLogin, rules.artistFor(new ShotGridUser(7, "Alex Trial", "ATrial", "x@y")).orElseThrow());
        assertEquals(byEmail, rules.artistFor(new ShotGridUser(8, "Matthew Testuser", "mt", "matt@studio.example")).orElseThrow());
        assertEquals(byLogin, rules.artistFor(ShotGridUser.named(9, "Alex T.")).orElseThrow());
        assertTrue(rules.artistFor(ShotGridUser.named(10, "Nobody")).isEmpty());
    }

    @Test
    void per_os_base_paths_give_each_system_its_own_form() {
        StorageAgent win = new StorageAgent(5, "PC", new OsPaths(null, "D:\\Company\\", null));
        assertEquals(new OsPaths(null, "D:\\Company\\TST\\2_WORK\\2_ASSETS", null), win.basePaths().resolve("TST/2_WORK/2_ASSETS"));
        assertEquals("/TST", OsPaths.fromSingleBase("/").resolve("TST").linux());
    }
}
