package com.srsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.reconcile.AssetRules;
import com.srsync.reconcile.JobSettings;
import com.srsync.reconcile.OsPaths;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ArtistsFileLoaderTest {
    private static final String OLD_TOOL_FILE = """
            primary_storage:
              agent_name: "Linux_Remote"
              agent_id: 4
              base_path: "/home/Company"
            target_agents:
              Matthew Testuser:
                agent_name: "Cameron's Mac mini"
                agent_id: 3
                base_path: "/Volumes/Company"
              Alex Trial:
                agent_id: 2
                base_path: "/Volumes/Company"
            path_templates:
              shots_template: "${PROJECT}/2_WORK/1_SEQUENCES/${SEQUENCE}/${SHOT}"
              assets_template: "${PROJECT}/2_WORK/2_ASSETS"
            """;

    @Test
    void the_old_tools_file_loads_unchanged() {
        ArtistsConfig config = ArtistsFileLoader.load(Path.of("config/artists.yaml"));

        assertEquals(4, config.primaryStorage().id());
        assertEquals(OsPaths.fromSingleBase("/home/Company"), config.primaryStorage().basePaths());
        assertEquals(2, config.artists().size());
        assertEquals("Matthew Testuser", config.artists().get(0).displayName());
        assertEquals(3, config.artists().get(0).agent().id());
        assertEquals("${PROJECT}/2_WORK/2_ASSETS", config.templates().assets());
        assertEquals(JobSettings.defaults(), config.jobSettings());
        assertEquals(Map.of("auto_create_paths", "true", "folder_permissions", "755", "sync_direction", "bidirectional"),
                config.legacySettings());
    }

    @Test
    void the_additions_of_the_contract_are_read() {
        ArtistsConfig config = ArtistsFileLoader.parse("a.yaml", OLD_TOOL_FILE.replace("""
                  Alex Trial:
                    agent_id: 2
                    base_path: "/Volumes/Company"
                """, """
                  Alex Trial:
                    agent_id: 2
                    login: atrial
                    email: alex@studio.example
                    base_paths: {linux: /mnt/company, win: 'D:\\Company'}
                """) + """
                job_settings:
                  job_type: hybrid_work
                  primary_permission: rw
                  enduser_permission: ro
                  file_policy_id: 3
                  sequence_fallback: MISC
                """);

        var alex = config.artists().get(1);
        assertEquals("atrial", alex.login());
        assertEquals("alex@studio.example", alex.email());
        assertEquals(new OsPaths("/mnt/company", "D:\\Company", null), alex.agent().basePaths());
        assertEquals(new JobSettings("hybrid_work", "rw", "ro", 3, "MISC"), config.jobSettings());
    }

    @Test
    void assets_stay_one_job_per_project_unless_the_file_asks() {
        AssetRules assets = ArtistsFileLoader.parse("a.yaml", OLD_TOOL_FILE).assets();
        assertFalse(assets.perAsset());
        assertEquals("${PROJECT}/2_WORK/2_ASSETS/${ASSET_TYPE}/${ASSET}", assets.template());
    }

    @Test
    void the_assets_section_and_the_asset_template_are_read() {
        ArtistsConfig config = ArtistsFileLoader.parse("a.yaml", OLD_TOOL_FILE.replace("2_ASSETS\"", "2_ASSETS\"\n  asset_template: \"${PROJECT}/lib/${ASSET_TYPE}/${ASSET}\"") + """
                assets:
                  mode: per_asset
                  builder_permission: rw
                  user_permission: ro
                """);
        AssetRules assets = config.rules(Set.of("ip"), Set.of("ip", "rdy")).assets();
        assertEquals(new AssetRules(true, "rw", "ro", "${PROJECT}/lib/${ASSET_TYPE}/${ASSET}", Set.of("ip", "rdy")), assets);
        assertEquals("TST/lib/Character/Bob", assets.folder("TST", "Character", "Bob"));
    }

    @Test
    void an_agent_given_by_its_console_name_alone_loads_and_waits_to_be_found_on_the_console() {
        ArtistsConfig config = ArtistsFileLoader.parse("a.yaml", OLD_TOOL_FILE.replace("  agent_id: 4\n", "")
                .replace("    agent_id: 3\n", ""));

        assertTrue(config.primaryStorage().isByName());
        assertEquals("Linux_Remote", config.primaryStorage().name());
        assertTrue(config.artists().get(0).agent().isByName());
        assertEquals("Cameron's Mac mini", config.artists().get(0).agent().name());
        assertEquals(2, config.artists().get(1).agent().id());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key at top            | '\\nsync_everything: true'                                     | a.yaml:16: sync_everything: unknown key",
        "unknown job setting           | '\\njob_settings:\\n  jobtype: x'                               | a.yaml:17: job_settings.jobtype: unknown key",
        "agent id not a number         | 'agent_id: 3=>agent_id: three'                                  | a.yaml:8: target_agents.Matthew Testuser.agent_id: must be a whole number above 0, got 'three'",
        "agent id and name missing     | '  agent_name: \"Linux_Remote\"\\n  agent_id: 4\\n=>'           | a.yaml:2: primary_storage: agent_id (or agent_name, the agent's name on the console) is required",
        "artist by the primary's name  | '  agent_id: 2\\n=>  agent_name: \"Linux_Remote\"\\n'           | a.yaml:11: target_agents.Alex Trial.agent_name: 'Linux_Remote' is the primary storage",
        "no base path                  | '  base_path: \"/home/Company\"\\n=>'                           | a.yaml:2: primary_storage: base_path (or base_paths with linux, win, osx) is required",
        "unknown placeholder           | '${SHOT}\"=>${SHOT}/${TASK}\"'                                  | a.yaml:14: path_templates.shots_template: unknown placeholder ${TASK}",
        "shot placeholder in assets    | '2_ASSETS\"=>2_ASSETS/${SHOT}\"'                               | a.yaml:15: path_templates.assets_template: unknown placeholder ${SHOT}",
        "climbing out of the base      | '2_WORK/2_ASSETS=>../2_ASSETS'                                  | a.yaml:15: path_templates.assets_template: must not use '..'",
        "a dot folder                  | '2_WORK/2_ASSETS=>./2_ASSETS'                                   | a.yaml:15: path_templates.assets_template: must not use '.'",
        "unsafe sequence fallback      | '\\njob_settings:\\n  sequence_fallback: ../x'             | a.yaml:17: job_settings.sequence_fallback: '../x' contains '/', a path separator",
        "artist on the primary agent   | 'agent_id: 2=>agent_id: 4'                                      | a.yaml:11: target_agents.Alex Trial.agent_id: agent 4 is the primary storage",
        "duplicate key                 | 'Alex Trial:=>Matthew Testuser:'                                | a.yaml:10: target_agents.Matthew Testuser: appears twice",
        "not YAML                      | 'primary_storage:=>primary_storage: [:'                        | a.yaml:1: not valid YAML",
        "templates missing             | 'path_templates:=>old_templates:'                               | a.yaml:13: old_templates: unknown key",
        "unknown assets key            | '\\nassets:\\n  mode: per_asset\\n  per_shot: true'               | a.yaml:18: assets.per_shot: unknown key; allowed: [builder_permission, mode, user_permission]",
        "unknown assets mode           | '\\nassets:\\n  mode: per_shot'                                 | a.yaml:17: assets.mode: unknown mode 'per_shot'; allowed: [project, per_asset]",
        "unknown permission word       | '\\nassets:\\n  mode: per_asset\\n  user_permission: read'        | a.yaml:18: assets.user_permission: unknown permission 'read'; allowed: [ro, rw, sro, srw]",
        "assets not a mapping          | '\\nassets: per_asset'                                          | a.yaml:16: assets: must be a mapping of keys to values",
        "asset template climbs out     | '2_ASSETS\"=>2_ASSETS\"\\n  asset_template: \"${PROJECT}/../${ASSET_TYPE}/${ASSET}\"' | a.yaml:16: path_templates.asset_template: must not use '..'",
        "asset template absolute       | '2_ASSETS\"=>2_ASSETS\"\\n  asset_template: \"/lib/${PROJECT}/${ASSET_TYPE}/${ASSET}\"' | a.yaml:16: path_templates.asset_template: must be relative",
        "asset template outside project| '2_ASSETS\"=>2_ASSETS\"\\n  asset_template: \"library/${ASSET_TYPE}/${ASSET}\"' | a.yaml:16: path_templates.asset_template: must contain ${PROJECT}",
        "asset template without type   | '2_ASSETS\"=>2_ASSETS\"\\n  asset_template: \"${PROJECT}/${ASSET}\"'  | a.yaml:16: path_templates.asset_template: must contain ${ASSET_TYPE}",
        "asset template unknown name   | '2_ASSETS\"=>2_ASSETS\"\\n  asset_template: \"${PROJECT}/${ASSET_TYPE}/${ASSET}/${STEP}\"' | a.yaml:16: path_templates.asset_template: unknown placeholder ${STEP}",
        "shot placeholder in asset tpl | '2_ASSETS\"=>2_ASSETS\"\\n  asset_template: \"${PROJECT}/${SHOT}/${ASSET_TYPE}/${ASSET}\"' | a.yaml:16: path_templates.asset_template: unknown placeholder ${SHOT}",
    })
    void an_invalid_file_is_refused_naming_file_line_and_key(String rule, String edit, String expectedStart) {
        String text = edit.startsWith("\\n") ? OLD_TOOL_FILE + edit.substring(2).replace("\\n", "\n")
                : OLD_TOOL_FILE.replace(edit.split("=>")[0].replace("\\n", "\n"), edit.split("=>", -1)[1].replace("\\n", "\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> ArtistsFileLoader.parse("a.yaml", text));
        assertEquals(expectedStart, e.getMessage().substring(0, Math.min(e.getMessage().length(), expectedStart.length())), e.getMessage());
    }

    @Test
    void an_empty_file_is_refused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ArtistsFileLoader.parse("a.yaml", "# nothing\n"));
        assertEquals("a.yaml: is empty; it needs primary_storage, target_agents and path_templates", e.getMessage());
    }

    @Test
    void a_missing_file_is_refused_naming_it() {
        ConfigException e = assertThrows(ConfigException.class, () -> ArtistsFileLoader.load(Path.of("config/nope.yaml")));
        assertEquals("config/nope.yaml: cannot be read (NoSuchFileException)", e.getMessage());
    }
}
