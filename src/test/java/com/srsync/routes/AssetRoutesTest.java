package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.routes.OldToolScenariosTest.ASSETS_ALEX;
import static com.srsync.routes.OldToolScenariosTest.SHOT_0010_ALEX;
import static com.srsync.routes.OldToolScenariosTest.recorded;
import static com.srsync.stubs.ShotGridSite.group;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code assets: {mode: per_asset}} end to end through the routes: what the service asks ShotGrid (the shapes of
 * the multi-entity fields as ShotGrid answers them) and the exact jobs it writes to the console.
 */
class AssetRoutesTest extends ServiceTestSupport {
    static final String PER_ASSET = "\nassets:\n  mode: per_asset\n";
    private static final String HERO_PATH = "/Volumes/Company/TST/2_WORK/2_ASSETS/Character/Hero";
    private static final String HERO = """
        {"name": "HybridWork_TST_Asset_Character_Hero", "type": "hybrid_work",
         "description": "Asset Character/Hero for: Alex Trial, Matthew Testuser [ShotGrid project 155]",
         "agents": [
          {"id": 4, "role": "primary_storage", "permission": "rw", "priority_agents": true,
           "path": {"linux": "/home/Company/TST/2_WORK/2_ASSETS/Character/Hero",
                    "win": "\\\\home\\\\Company\\\\TST\\\\2_WORK\\\\2_ASSETS\\\\Character\\\\Hero",
                    "osx": "/home/Company/TST/2_WORK/2_ASSETS/Character/Hero"}},
          {"id": 2, "role": "enduser", "permission": "sro", "file_policy_id": 1,
           "path": {"linux": "%1$s", "win": "\\\\Volumes\\\\Company\\\\TST\\\\2_WORK\\\\2_ASSETS\\\\Character\\\\Hero", "osx": "%1$s"}},
          {"id": 3, "role": "enduser", "permission": "srw", "file_policy_id": 1,
           "path": {"linux": "%1$s", "win": "\\\\Volumes\\\\Company\\\\TST\\\\2_WORK\\\\2_ASSETS\\\\Character\\\\Hero", "osx": "%1$s"}}]}
        """.formatted(HERO_PATH);

    static Path artistsFile(String extra) {
        try {
            Path file = Files.createTempDirectory("srsync-assets-").resolve("artists.yaml");
            Files.writeString(file, Files.readString(Path.of("config/artists.yaml")) + extra);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void moreProperties(Properties p) {
        p.put("artists.file", artistsFile(PER_ASSET).toString());
    }

    /** Alex on TST_010_0010's comp; Matthew on the Hero's rig; the shot uses the Hero and the Sword; the Forest is used by no one. */
    private void studio() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial"))
                .asset(701, 155, "Character", "Hero", "ip").assetTask(6001, 701, user(8, "Matthew Testuser"))
                .asset(702, 155, "Prop", "Sword", "cmpt").asset(703, 155, "Environment", "Forest", "ip")
                .uses(1213, 701, 702).install();
    }

    @Test
    void an_asset_gets_a_job_read_write_for_its_builders_and_read_only_for_the_shots_that_use_it() {
        studio();
        console.install();

        reconcile(155L);

        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(equalToJson(HERO)));
        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath(
                "$[?(@.name == 'HybridWork_TST_Asset_Prop_Sword' && @.description == 'Asset Prop/Sword for: Alex Trial [ShotGrid project 155]')]")));
        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(equalToJson(recorded(SHOT_0010_ALEX))));
        assertEquals(3, console.writes().size(), "no job for the project's assets, none for an asset no one needs");
    }

    @Test
    void the_assets_come_in_three_paged_searches_whatever_their_number() {
        studio();
        console.install();

        reconcile(155L);

        List<String> asked = site.asked();
        assertEquals(7, asked.size(), "projects twice, shots, their tasks, active assets, used assets, their tasks: " + asked);
        assertTrue(asked.stream().anyMatch(a -> a.startsWith("shots ") && a.contains("\"fields\":\"code,sg_status_list,sg_sequence,assets\"")), asked.toString());
        assertTrue(asked.stream().anyMatch(a -> a.startsWith("assets ") && a.contains("[\"sg_status_list\",\"in\",[\"ip\",\"rev\"]]")), asked.toString());
        assertTrue(asked.stream().anyMatch(a -> a.startsWith("assets ") && a.contains("[\"shots.Shot.sg_status_list\",\"in\",[\"active\"]]")),
                asked.toString());
        assertTrue(asked.stream().anyMatch(a -> a.startsWith("tasks ") && a.contains("[\"entity.Asset.sg_status_list\",\"in\",[\"ip\",\"rev\"]]")), asked.toString());
    }

    @Test
    void a_group_on_an_assets_task_is_expanded_like_one_on_a_shots() {
        site.project(155, "TST").asset(701, 155, "Character", "Hero", "ip").assetTask(6001, 701, group(3, "Rig Team"))
                .groupOf(3, "Rig Team", user(7, "Alex Trial"), user(8, "Matthew Testuser")).install();
        console.install();

        reconcile(155L);

        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath(
                "$[?(@.name == 'HybridWork_TST_Asset_Character_Hero' && @.agents.length() == 3 && @.agents[1].permission == 'srw' && @.agents[2].permission == 'srw')]")));
    }

    @Test
    void a_permission_word_the_console_refuses_is_dead_lettered_with_its_words_and_the_project_assets_job_stays() throws Exception {
        studio();
        console.job(1001, recorded(SHOT_0010_ALEX)).job(1002, recorded(ASSETS_ALEX)).install();
        resilioServer.stubFor(post("/api/v2/jobs").withRequestBody(containing("\"sro\"")).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\": \"Job validation failed\", \"data\": [{\"code\": 10011, \"message\": \"unknown permission sro\"}]}")));

        reconcile(155L);

        resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs")));   // each asset's job once: a refusal is not retried in-line
        resilioServer.verify(0, deleteRequestedFor(urlEqualTo("/api/v2/jobs/1002")));
        String letters = admin("GET", "/admin/dead-letters", ADMIN_TOKEN).body();
        assertTrue(letters.contains("unknown permission sro"), letters);
        assertTrue(letters.contains("HybridWork_TST_Asset_Character_Hero"), letters);
        String plan = admin("GET", "/admin/plan?project=155", ADMIN_TOKEN).body();
        assertTrue(plan.contains("\"kept_until_replaced\":[\"HybridWork_TST_Assets\"]"), plan);
    }

    @Test
    void an_asset_left_out_is_in_the_plan_with_why() throws Exception {
        site.project(155, "TST").asset(701, 155, "Char/acter", "Hero", "ip").assetTask(6001, 701, user(8, "Matthew Testuser")).install();
        console.install();

        String plan = admin("GET", "/admin/plan?project=155", ADMIN_TOKEN).body();

        assertTrue(plan.contains("\"skipped_assets\":[{\"id\":701,\"code\":\"Hero\",\"type\":\"Char/acter\",\"reason\":\"asset type 'Char/acter' contains '/'"),
                plan);
    }
}
