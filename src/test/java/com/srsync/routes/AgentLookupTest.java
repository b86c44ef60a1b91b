package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The old tool's way of naming an agent (agent_name without agent_id) against a console that lists its
 * agents ({@code GET /agents}, a plain array): found by name, skipped when not exactly one, and an
 * agent_id the console does not list skipped before a job is sent.
 */
class AgentLookupTest extends ServiceTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ARTISTS = """
            primary_storage:
              agent_name: "Linux_Remote"
              base_path: "/home/Company"
            target_agents:
              Alex Trial:
                agent_name: "Alex's MacBook"
                base_path: "/Volumes/Company"
              Matthew Testuser:
                agent_name: "Cameron's Mac mini"
                agent_id: 9
                base_path: "/Volumes/Company"
              Sam Twin:
                agent_name: "Studio iMac"
                base_path: "/Volumes/Company"
            path_templates:
              shots_template: "${PROJECT}/2_WORK/1_SEQUENCES/${SEQUENCE}/${SHOT}"
              assets_template: "${PROJECT}/2_WORK/2_ASSETS"
            """;

    @Override
    void moreProperties(Properties p) {
        try {
            Path file = Files.createTempDirectory("srsync-artists-").resolve("artists.yaml");
            Files.writeString(file, ARTISTS);
            p.put("artists.file", file.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void studio() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial"), user(8, "Matthew Testuser"), user(10, "Sam Twin")).install();
        console.install();
        resilioServer.stubFor(get("/api/v2/agents").willReturn(okJson("""
            [{"id": 4, "name": "Linux_Remote", "online": true, "last_seen": 1796288400, "status": "online", "errors": []},
             {"id": 12, "name": "Alex's MacBook", "online": true, "last_seen": 1796288400, "status": "online", "errors": []},
             {"id": 13, "name": "Studio iMac", "online": true, "last_seen": 1796288400, "errors": []},
             {"id": 14, "name": "Studio iMac", "online": false, "last_seen": 1796288400, "errors": []}]""")));
    }

    @Test
    void an_agent_named_alone_is_the_consoles_agent_of_that_name_and_others_are_skipped_with_why() throws Exception {
        studio();

        JsonNode plan = MAPPER.readTree(admin("GET", "/admin/plan?project=155", ADMIN_TOKEN).body()).path("projects").get(0);
        JsonNode skipped = plan.path("skipped_artists");
        assertEquals("[{\"name\":\"Matthew Testuser\",\"reason\":\"agent 9 is not on the console; added to no job, and left on the jobs that already hold it\"},"
                + "{\"name\":\"Sam Twin\",\"reason\":\"2 agents on the console are named 'Studio iMac' (ids [13, 14]): give the agent_id in artists.yaml\"}]",
                MAPPER.writeValueAsString(sorted(skipped)));

        reconcile(155L);
        List<JsonNode> creates = console.writes().stream().map(w -> read(w.getBodyAsString())).toList();
        assertEquals(2, creates.size());
        for (JsonNode job : creates) {
            assertEquals("[4,12]", job.path("agents").findValues("id").toString().replace(" ", ""), job.path("name").asText());
        }
    }

    @Test
    void a_console_that_cannot_list_its_agents_gets_no_write() throws Exception {
        studio();
        resilioServer.stubFor(get("/api/v2/agents").willReturn(aResponse().withStatus(503).withBody("maintenance")));

        reconcile(155L);

        assertEquals(List.of(), console.writes());
        String runs = admin("GET", "/admin/runs?project=155", ADMIN_TOKEN).body();
        assertTrue(runs.contains("stopped"), runs);
    }

    @Test
    void an_empty_agent_list_stops_the_reconcile_before_any_write() throws Exception {
        studio();
        resilioServer.stubFor(get("/api/v2/agents").willReturn(okJson("[]")));

        reconcile(155L);

        assertEquals(List.of(), console.writes());
        String runs = admin("GET", "/admin/runs?project=155", ADMIN_TOKEN).body();
        assertTrue(runs.contains("GET /agents answered an empty list"), runs);
    }

    private static List<JsonNode> sorted(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        out.sort(java.util.Comparator.comparing(n -> n.path("name").asText()));
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
