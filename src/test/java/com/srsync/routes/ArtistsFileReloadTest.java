package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.support.LogCapture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** artists.yaml changed while the service runs: taken at once when valid, refused when not, previewed before either. */
class ArtistsFileReloadTest extends ServiceTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SHIPPED = read(Path.of("config/artists.yaml"));
    /** Sam joins: one more artist, on agent 5. */
    private static final String WITH_SAM = SHIPPED.replace("path_templates:",
            "  Sam Newcomer:\n    agent_name: \"Sam's laptop\"\n    agent_id: 5\n    base_path: \"/Users/sam/Company\"\n\npath_templates:");
    private Path artists;

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void moreProperties(Properties p) {
        try {
            artists = Files.createTempDirectory("srsync-artists-").resolve("artists.yaml");
            Files.writeString(artists, SHIPPED);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        p.put("artists.file", artists.toString());
        p.put("artists.reload.interval.ms", "100");
        p.put("sync.debounce.ms", "100");
    }

    @BeforeEach
    void oneShotForSam() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial"), user(42, "Sam Newcomer")).install();
        console.install();
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder createWithAgent(int agent) {
        return postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.agents[?(@.id == " + agent + ")]"));
    }

    private HttpResponse<String> previewPlan(String yaml) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/admin/plan?project=155"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String agentsOfTheShotJob(String planJson) throws Exception {
        for (JsonNode op : MAPPER.readTree(planJson).path("operations")) {
            if (op.path("job").asText().equals("HybridWork_TST_TST_010_0010") || op.path("name").asText().equals("HybridWork_TST_TST_010_0010")) {
                return op.toString();
            }
        }
        return planJson;
    }

    @Test
    void a_valid_change_is_in_force_at_once_logged_and_every_project_reconciled() throws Exception {
        reconcile(155L);
        resilioServer.resetRequests();
        try (LogCapture log = LogCapture.open()) {
            Files.writeString(artists, WITH_SAM);
            await().atMost(Duration.ofSeconds(15)).until(() -> resilioServer.findAll(createWithAgent(5)).size() > 0);
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("INFO") && l.contains("artists.yaml changed and is in force: artists added [Sam Newcomer]")),
                    log.lines().toString());
        }
    }

    @Test
    void an_invalid_change_is_refused_with_line_and_key_and_the_running_configuration_stays() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            Files.writeString(artists, WITH_SAM.replace("agent_id: 5", "agent_idd: 5"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String health = admin("GET", "/observe/health", ADMIN_TOKEN).body();
                assertTrue(health.contains("{\"name\":\"artists-file\",\"status\":\"DOWN\",\"message\":\"artists.yaml: " + artists), health);
                assertTrue(health.contains(":19: target_agents.Sam Newcomer.agent_idd: unknown key"), health);
            });
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("ERROR") && l.contains("artists.yaml change refused") && l.contains("agent_idd")));
        }
        reconcile(155L);
        assertEquals(0, resilioServer.findAll(createWithAgent(5)).size());              // Sam is not in force
        assertTrue(resilioServer.findAll(createWithAgent(2)).size() > 0);              // Alex still is

        Files.writeString(artists, WITH_SAM);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin("GET", "/observe/health", ADMIN_TOKEN).body()
                .contains("{\"name\":\"artists-file\",\"status\":\"UP\"}"));
    }

    @Test
    void a_candidate_file_is_previewed_without_writing_or_changing_anything() throws Exception {
        HttpResponse<String> preview = previewPlan(WITH_SAM);
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(agentsOfTheShotJob(preview.body()).contains("\"id\":5"), preview.body());
        assertTrue(preview.body().contains("HybridWork_TST_TST_010_0010"), preview.body());

        String running = admin("GET", "/admin/plan?project=155", ADMIN_TOKEN).body();
        assertTrue(!agentsOfTheShotJob(running).contains("\"id\":5"), running);
        resilioServer.verify(0, postRequestedFor(urlEqualTo("/api/v2/jobs")));
        resilioServer.verify(0, putRequestedFor(anyUrl()));
        resilioServer.verify(0, deleteRequestedFor(anyUrl()));
        assertEquals(SHIPPED, Files.readString(artists));
    }

    @Test
    void a_candidate_that_matches_by_login_is_previewed_with_the_users_read() throws Exception {
        site.userDetails(42, "Sam Newcomer", "snew", "sam@studio.example").install();
        String byLogin = WITH_SAM.replace("  Sam Newcomer:\n", "  Sam N.:\n    login: snew\n");
        HttpResponse<String> preview = previewPlan(byLogin);
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(agentsOfTheShotJob(preview.body()).contains("\"id\":5"), preview.body());
    }

    @Test
    void an_invalid_candidate_is_answered_400_naming_line_and_key() throws Exception {
        HttpResponse<String> preview = previewPlan(WITH_SAM.replace("agent_id: 5", "agent_id: five"));
        assertEquals(400, preview.statusCode());
        assertTrue(preview.body().startsWith("{\"error\":\"candidate artists.yaml:19: target_agents.Sam Newcomer.agent_id: "), preview.body());
        assertTrue(preview.body().contains("agent_id"), preview.body());
    }

    @Test
    void a_change_that_would_delete_many_jobs_still_meets_the_delete_guard() throws Exception {
        for (int i = 0; i < 8; i++) {
            String code = "TST_010_00" + (20 + i);
            site.shot(1300 + i, 155, code, "active", "TST_010").task(6000 + i, 1300 + i, user(7, "Alex Trial"));
            console.job(3000 + i, OldToolScenariosTest.SHOT_0010_ALEX.replace("TST_010_0010", code));
        }
        site.install();
        console.install();

        Files.writeString(artists, SHIPPED.replaceAll("(?s)  Alex Trial:.*?base_path: \"/Volumes/Company\"\n", ""));   // Alex leaves
        awaitReconciles(1);
        resilioServer.verify(0, deleteRequestedFor(anyUrl()));
        assertTrue(runs().ended() >= 1);
    }

    @Test
    void a_file_read_while_it_is_half_saved_is_not_taken() throws Exception {
        reconcile(155L);
        try (LogCapture log = LogCapture.open();
             java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(artists, java.nio.file.StandardOpenOption.WRITE,
                     java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] bytes = WITH_SAM.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int at = 0; at < bytes.length; at += 40) {               // as an editor that truncates, then writes, or a copy over SMB
                file.write(java.nio.ByteBuffer.wrap(bytes, at, Math.min(40, bytes.length - at)));
                file.force(true);
                Thread.sleep(60);
            }
            file.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.containing("artists.yaml changed and is in force").isEmpty());
            Thread.sleep(1000);

            assertEquals(1, log.containing("artists.yaml changed and is in force").size(), log.printed());
            assertTrue(log.containing("artists.yaml changed and is in force").get(0).contains("Sam Newcomer"), log.printed());
            assertEquals(List.of(), log.containing("change refused"), "a half-saved version was read");
        }
    }

    @Test
    void artists_matched_by_display_name_only_are_named_once_at_each_version_and_on_the_plan() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            Files.writeString(artists, WITH_SAM.replace("  Sam Newcomer:\n", "  Sam Newcomer:\n    login: snew\n"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.containing("artists.yaml changed and is in force").isEmpty());
            Thread.sleep(500);

            List<String> warned = log.containing("matched by display name only");
            assertEquals(1, warned.size(), log.printed());
            assertTrue(warned.get(0).contains("2 artists are matched by display name only (Matthew Testuser, Alex Trial)"), warned.get(0));
            assertTrue(warned.get(0).contains("Add each artist's login (or email) to artists.yaml"), warned.get(0));
        }
        JsonNode plan = MAPPER.readTree(admin("GET", "/admin/plan?project=155", ADMIN_TOKEN).body());
        assertTrue(plan.path("warnings").get(0).asText().startsWith("2 artists are matched by display name only"), plan.toString());
    }
}
