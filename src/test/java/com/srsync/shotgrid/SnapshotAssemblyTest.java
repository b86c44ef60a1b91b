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
}
