package com.srsync.resilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.reconcile.DesiredJob;
import com.srsync.reconcile.JobAgent;
import com.srsync.reconcile.JobKind;
import com.srsync.reconcile.ObservedJob;
import com.srsync.reconcile.OsPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JobAgent PRIMARY = new JobAgent(4, "primary_storage", "rw", OsPaths.fromSingleBase("/home/C/TST"), true, null);
    private static final JobAgent ALEX = new JobAgent(2, "enduser", "srw", OsPaths.fromSingleBase("/Volumes/C/TST"), null, 1);
    private static final JobAgent MATT = new JobAgent(3, "enduser", "srw", OsPaths.fromSingleBase("/Volumes/C/TST"), null, 1);

    @Test
    void an_update_keeps_what_the_console_added_and_drops_read_only_keys() throws Exception {
        JsonNode current = MAPPER.readTree("""
            {"id": 1001, "name": "HybridWork_TST_Assets", "type": "hybrid_work", "description": "old",
             "settings": {"use_ram_optimization": true}, "created_at": 1, "created_by": "x", "total_transferred": 5,
             "last_start_time": 2, "errors": [], "access": {}, "notifications": [],
             "agents": [{"id": 4, "role": "primary_storage", "permission": "rw", "priority_agents": true,
                         "path": {"linux": "/home/C/TST", "win": "\\\\home\\\\C\\\\TST", "osx": "/home/C/TST"}, "storage_config_id": 7},
                        {"id": 9, "role": "enduser", "permission": "srw", "path": {"linux": "/gone"}}]}""");
        DesiredJob desired = new DesiredJob("HybridWork_TST_Assets", JobKind.ASSETS, "hybrid_work", "new", List.of(PRIMARY, ALEX));

        JsonNode body = MAPPER.readTree(JobJson.updateBody(current, desired).toString());

        assertEquals(MAPPER.readTree("""
            {"id": 1001, "name": "HybridWork_TST_Assets", "type": "hybrid_work", "description": "new",
             "settings": {"use_ram_optimization": true},
             "agents": [{"id": 4, "role": "primary_storage", "permission": "rw", "priority_agents": true,
                         "path": {"linux": "/home/C/TST", "win": "\\\\home\\\\C\\\\TST", "osx": "/home/C/TST"}, "storage_config_id": 7},
                        {"id": 2, "role": "enduser", "permission": "srw", "file_policy_id": 1,
                         "path": {"linux": "/Volumes/C/TST", "win": "\\\\Volumes\\\\C\\\\TST", "osx": "/Volumes/C/TST"}}]}"""), body);
    }

    @Test
    void a_job_listed_by_the_console_maps_to_what_the_diff_compares() throws Exception {
        ObservedJob job = JobJson.observed(MAPPER.readTree("""
            {"id": 1002, "name": "HybridWork_TST_Assets", "description": "d", "agents": [
              {"id": 4, "role": "primary_storage", "permission": "rw", "path": {"linux": "/a", "win": "\\\\a", "osx": "/a"}},
              {"id": 3, "role": "enduser", "permission": "srw", "file_policy_id": 2, "priority_agents": false, "path": "/b"}]}"""));

        assertEquals(1002, job.id());
        assertEquals(new JobAgent(4, "primary_storage", "rw", new OsPaths("/a", "\\a", "/a"), null, null), job.agents().get(0));
        assertEquals(new JobAgent(3, "enduser", "srw", new OsPaths("/b", "/b", "/b"), false, 2), job.agents().get(1));
        assertNull(JobJson.observed(MAPPER.readTree("{\"id\": 1, \"name\": \"x\"}")).description());
    }

    @Test
    void a_create_body_has_the_old_tools_shape() {
        JsonNode body = JobJson.createBody(new DesiredJob("HybridWork_TST_X", JobKind.SHOT, "hybrid_work", "Shot X for: A", List.of(PRIMARY, MATT)));

        assertEquals(List.of("name", "type", "description", "agents"), fieldNames(body));
        assertEquals(List.of("id", "role", "permission", "priority_agents", "path"), fieldNames(body.path("agents").get(0)));
        assertEquals(List.of("id", "role", "permission", "file_policy_id", "path"), fieldNames(body.path("agents").get(1)));
    }

    @Test
    void a_create_answer_is_read_from_the_stream_and_an_empty_one_has_no_id() throws Exception {
        JobJson json = new JobJson(MAPPER);
        assertEquals(2001L, json.idOf(stream("{\"id\": 2001}")));
        assertNull(json.idOf(stream("")), "an empty answer: no id, no failure");
        assertNull(json.idOf(stream("  \n")));
        assertNull(json.idOf(null));
        assertEquals(true, json.parse(stream("")).isNull(), "an empty answer reads as JSON null (a job that is gone)");
    }

    private static java.io.InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
