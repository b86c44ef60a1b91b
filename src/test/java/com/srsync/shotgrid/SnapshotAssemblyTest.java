package com.srsync.shotgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.reconcile.Artist;
import com.srsync.reconcile.JobSettings;
import com.srsync.reconcile.OsPaths;
import com.srsync.reconcile.PathTemplates;
import com.srsync.reconcile.ProjectDirectory;
import com.srsync.reconcile.ShotGridUser;
import com.srsync.reconcile.StorageAgent;
import com.srsync.reconcile.SyncRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The snapshot made from search rows: users' details read only when artists are matched by login or e-mail. */
class SnapshotAssemblyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final StorageAgent AGENT = new StorageAgent(2, "mac", OsPaths.fromSingleBase("/Volumes/Company"));
    private static final ProjectDirectory SITE = new ProjectDirectory(Map.of(155L, "TST"), Set.of());

    private static SyncRules rules(Artist artist) {
        return new SyncRules(new StorageAgent(4, "nas", OsPaths.fromSingleBase("/home")), List.of(artist),
                new PathTemplates("${PROJECT}/${SHOT}", "${PROJECT}/assets"), JobSettings.defaults(), Set.of("active"));
    }

    private static List<Object> rows(String json) throws Exception {
        List<Object> rows = new ArrayList<>();
        for (JsonNode n : MAPPER.readTree(json)) rows.add(n);
        return rows;
    }

    private static final String SHOTS = "[{\"type\": \"Shot\", \"id\": 1213, \"attributes\": {\"code\": \"A\", \"sg_status_list\": \"active\"}}]";
    private static final String TASKS = "[{\"type\": \"Task\", \"id\": 5001, \"relationships\": {\"entity\": {\"data\": {\"type\": \"Shot\", \"id\": 1213}},"
            + " \"task_assignees\": {\"data\": [{\"type\": \"HumanUser\", \"id\": 7, \"name\": \"Alex Trial\"}, {\"type\": \"ApiUser\", \"id\": 1}]}}}]";

    @Test
    void users_are_asked_for_only_when_artists_are_matched_by_login_or_email() throws Exception {
        assertEquals(Set.of(), new SnapshotAssembly(() -> rules(new Artist("Alex Trial", null, null, AGENT))).userIds(rows(SHOTS), rows(TASKS), null, null));

        SnapshotAssembly byLogin = new SnapshotAssembly(() -> rules(new Artist("Alex T.", "atrial", null, AGENT)));
        assertEquals(Set.of(7L), byLogin.userIds(rows(SHOTS), rows(TASKS), null, null));
        var snapshot = byLogin.snapshot(155, SITE, rows(SHOTS), rows(TASKS), null,
                rows("[{\"type\": \"HumanUser\", \"id\": 7, \"attributes\": {\"name\": \"Alex Trial\", \"login\": \"atrial\", \"email\": \"alex@studio.example\"}}]"));
        assertEquals(List.of(new ShotGridUser(7, "Alex Trial", "atrial", "alex@studio.example")), snapshot.shots().get(0).assignees());
    }

    @Test
    void tasks_of_shots_not_in_the_active_search_are_ignored() throws Exception {
        String otherShotsTask = TASKS.replace("\"id\": 1213}", "\"id\": 9999}");
        var snapshot = new SnapshotAssembly(() -> rules(new Artist("Alex Trial", null, null, AGENT))).snapshot(155, SITE, rows(SHOTS), rows(otherShotsTask), null, null);
        assertEquals(List.of(), snapshot.shots().get(0).assignees());
    }

    @Test
    void assets_come_from_the_multi_entity_fields_as_shotgrid_answers_them() throws Exception {
        String shots = "[{\"type\": \"Shot\", \"id\": 1213, \"attributes\": {\"code\": \"A\", \"sg_status_list\": \"active\"},"
                + " \"relationships\": {\"assets\": {\"data\": [{\"type\": \"Asset\", \"id\": 701, \"name\": \"Hero\"},"
                + " {\"type\": \"Asset\", \"id\": 702, \"name\": \"Sword\"}]}}}]";
        String active = "[{\"type\": \"Asset\", \"id\": 701, \"attributes\": {\"code\": \"Hero\", \"sg_asset_type\": \"Character\", \"sg_status_list\": \"ip\"}}]";
        String used = "[{\"type\": \"Asset\", \"id\": 701, \"attributes\": {\"code\": \"Hero\", \"sg_asset_type\": \"Character\", \"sg_status_list\": \"ip\"}},"
                + " {\"type\": \"Asset\", \"id\": 702, \"attributes\": {\"code\": \"Sword\", \"sg_asset_type\": \"Prop\", \"sg_status_list\": \"fin\"}}]";
        String assetTasks = "[{\"type\": \"Task\", \"id\": 6001, \"relationships\": {\"entity\": {\"data\": {\"type\": \"Asset\", \"id\": 701}},"
                + " \"task_assignees\": {\"data\": [{\"type\": \"Group\", \"id\": 3, \"name\": \"Rig\"}]}}},"
                + " {\"type\": \"Task\", \"id\": 6002, \"relationships\": {\"entity\": {\"data\": {\"type\": \"Asset\", \"id\": 999}},"
                + " \"task_assignees\": {\"data\": [{\"type\": \"HumanUser\", \"id\": 9, \"name\": \"Sam\"}]}}}]";
        String groups = "[{\"type\": \"Group\", \"id\": 3, \"relationships\": {\"users\": {\"data\": [{\"type\": \"HumanUser\", \"id\": 8, \"name\": \"Matthew Testuser\"}]}}}]";
        SnapshotAssembly assembly = new SnapshotAssembly(() -> rules(new Artist("Alex Trial", null, null, AGENT)));

        assertEquals(Set.of(3L), assembly.groupIds(rows(shots), rows(TASKS), rows(active), rows(assetTasks)));
        var snapshot = assembly.snapshot(155, SITE, rows(shots), rows(TASKS), rows(active), rows(used), rows(assetTasks), rows(groups), null);

        assertEquals(List.of(701L, 702L), snapshot.shots().get(0).assetIds());
        assertEquals(2, snapshot.assets().size(), "each asset once, active or used");
        var hero = snapshot.assets().get(0);
        assertEquals(List.of("Hero", "Character", "ip"), List.of(hero.code(), hero.type(), hero.status()));
        assertEquals(List.of(ShotGridUser.named(8, "Matthew Testuser")), hero.builders(), "the group on its task, expanded");
        assertEquals(List.of(), snapshot.assets().get(1).builders(), "a task of an asset not read as active counts for no one");
    }
}
