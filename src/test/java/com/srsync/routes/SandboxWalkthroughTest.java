package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.sandbox.Sandbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The README's sandbox walkthrough, step by step and in its order: SANDBOX=true brings the service up healthy
 * next to the simulated ShotGrid and console, and each curl of the walkthrough gives the jobs and the delivery
 * state it describes.
 */
class SandboxWalkthroughTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The sandbox on free ports, with these settings too; {@code sg} and {@code console} are its simulators' addresses. */
    private record Sandboxed(ServiceProcess service, String sg, String console, Path dataDir) implements AutoCloseable {
        static Sandboxed start(Map<String, String> more, String logName) throws Exception {
            String sg = "http://localhost:" + ServiceTestSupport.freePort();
            String console = "http://localhost:" + ServiceTestSupport.freePort();
            Path data = Files.createTempDirectory("srsync-sandbox-");
            Map<String, String> settings = new TreeMap<>(more);
            settings.putAll(Map.of("SANDBOX", "true", "SANDBOX_SHOTGRID_PORT", sg.substring(sg.lastIndexOf(':') + 1),
                    "SANDBOX_RESILIO_PORT", console.substring(console.lastIndexOf(':') + 1), "DATA_DIR", data.toString()));
            return new Sandboxed(ServiceProcess.start(settings, ServiceTestSupport.freePort(), logName), sg, console, data);
        }

        @Override
        public void close() throws InterruptedException {
            service.close();
        }
    }

    @Test
    void the_readme_walkthrough_in_its_order_jobs_appear_machines_go_offline_and_err_the_storage_indexes_and_jobs_go() throws Exception {
        try (Sandboxed sandbox = Sandboxed.start(Map.of(), "sandbox-walkthrough")) {    // the sandbox reads its machines every 5 s
            ServiceProcess service = sandbox.service();
            String sg = sandbox.sg();
            String console = sandbox.console();
            await().atMost(Duration.ofSeconds(20)).until(() -> service.send("GET", "/observe/health", null).statusCode() == 200);

            // at start: shot TST_010_0010 is active with Alex Trial on its comp task
            awaitJobs(service, console, Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 2L), "HybridWork_TST_Assets", List.of(4L, 2L)));
            // an artist assigned: Matthew Testuser on that shot's comp task
            assertEquals(200, service.send("POST", sg + "/sandbox/tasks/5001/assignees/8", null).statusCode());
            awaitJobs(service, console, Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 2L, 3L), "HybridWork_TST_Assets", List.of(4L, 2L, 3L)));
            // a shot becomes active: TST_010_0020, where Matthew has a task
            assertEquals(200, service.send("POST", sg + "/sandbox/shots/1214/status/active", null).statusCode());
            awaitJobs(service, console, Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 2L, 3L), "HybridWork_TST_TST_010_0020", List.of(4L, 3L),
                    "HybridWork_TST_Assets", List.of(4L, 2L, 3L)));
            awaitAlex(service, "ready", "file list complete");
            await().atMost(Duration.ofSeconds(30)).until(() -> studioField(service, sg, 1213).equals("2/2 ready"));

            // the page's steps: Alex's machine offline, on a shot that still has its job
            assertEquals(200, service.send("POST", console + "/sandbox/agents/2/offline", null).statusCode());
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {     // its run's rows are read again once the machine changed
                JsonNode offline = awaitAlex(service, "offline", "offline since");
                assertEquals(false, offline.path("online").asBoolean());
                assertEquals(80, offline.path("files_completed").asLong(), "what it had when it went offline");
                assertEquals(120, offline.path("files_total").asLong(), "the studio storage's count");
            });
            JsonNode all = delivery(service);
            assertEquals("Cameron's MacBook Pro", all.path("offline").get(0).path("name").asText());
            assertEquals(2, all.path("artists").path("offline").asLong(), "Alex's places on the shot and the assets job");
            // ... and an error on it, while it is offline: both are shown
            assertEquals(200, service.send("POST", console + "/sandbox/agents/2/error?message=Disk+is+full", null).statusCode());
            JsonNode both = awaitAlex(service, "error", "Disk is full");
            assertTrue(both.path("detail").asText().startsWith("offline since"), both.toString());
            JsonNode overview = MAPPER.readTree(service.send("GET", "/admin/overview", Sandbox.ADMIN_TOKEN).body());
            assertEquals("Alex Trial", overview.path("delivery").path("errors").get(0).path("artist").asText(), overview.toString());
            assertEquals("Disk is full", overview.path("delivery").path("errors").get(0).path("message").asText());
            String metrics = service.send("GET", "/observe/metrics", Sandbox.ADMIN_TOKEN).body();
            assertTrue(metrics.contains("srsync_delivery_artists{state=\"error\"} 2.0"), metrics);
            assertEquals(200, service.send("POST", console + "/sandbox/agents/2/online", null).statusCode());
            awaitAlex(service, "ready", "file list complete");

            // the studio storage indexes: no one is ready until its count has settled
            assertEquals(200, service.send("POST", console + "/sandbox/storage/indexing", null).statusCode());
            awaitAlex(service, "syncing", "the studio storage is still indexing");
            assertEquals(200, service.send("POST", console + "/sandbox/storage/settled", null).statusCode());
            awaitAlex(service, "ready", "file list complete");

            // an artist removed: Alex Trial off TST_010_0010, so off the assets job too
            assertEquals(200, service.send("DELETE", sg + "/sandbox/tasks/5001/assignees/7", null).statusCode());
            awaitJobs(service, console, Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 3L), "HybridWork_TST_TST_010_0020", List.of(4L, 3L),
                    "HybridWork_TST_Assets", List.of(4L, 3L)));
            // the last artist removed from a shot, and a shot put on hold: their jobs go, and the Shot says why
            assertEquals(200, service.send("DELETE", sg + "/sandbox/tasks/5001/assignees/8", null).statusCode());
            assertEquals(200, service.send("POST", sg + "/sandbox/shots/1214/status/hld", null).statusCode());
            awaitJobs(service, console, Map.of());
            await().atMost(Duration.ofSeconds(40)).until(() -> studioField(service, sg, 1214).equals("no sync job: shot on hold"));

            JsonNode plan = MAPPER.readTree(service.send("GET", "/admin/plan", Sandbox.ADMIN_TOKEN).body());
            assertTrue(plan.path("projects").isArray());
        }
    }

    @Test
    void the_readme_asset_step_per_asset_jobs_read_only_for_a_shot_and_read_write_for_the_rigger() throws Exception {
        try (Sandboxed sandbox = Sandboxed.start(Map.of(), "sandbox-assets")) {
            ServiceProcess service = sandbox.service();
            await().atMost(Duration.ofSeconds(20)).until(() -> service.send("GET", "/observe/health", null).statusCode() == 200);
            awaitJobs(service, sandbox.console(), Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 2L), "HybridWork_TST_Assets", List.of(4L, 2L)));

            // the README's step: assets per asset, in the sandbox's own copy of artists.yaml, taken live
            Path artists = sandbox.dataDir().resolve("sandbox/artists.yaml");
            Files.writeString(artists, Files.readString(artists) + "\nassets:\n  mode: per_asset\n");
            awaitJobs(service, sandbox.console(), Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 2L),
                    "HybridWork_TST_Asset_Character_Hero", List.of(4L, 2L), "HybridWork_TST_Asset_Environment_Forest", List.of(4L, 2L)));
            // Matthew on the Hero's rig task: he builds it (read-write), Alex's shot uses it (read-only)
            assertEquals(200, service.send("POST", sandbox.sg() + "/sandbox/tasks/6001/assignees/8", null).statusCode());
            awaitJobs(service, sandbox.console(), Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 2L),
                    "HybridWork_TST_Asset_Character_Hero", List.of(4L, 2L, 3L), "HybridWork_TST_Asset_Environment_Forest", List.of(4L, 2L)));
            Map<Long, String> permissions = new TreeMap<>();
            for (JsonNode job : MAPPER.readTree(service.send("GET", sandbox.console() + "/", null).body())) {
                if (!job.path("name").asText().equals("HybridWork_TST_Asset_Character_Hero")) continue;
                job.path("agents").forEach(a -> permissions.put(a.path("id").asLong(), a.path("permission").asText()));
            }
            assertEquals(Map.of(2L, "sro", 3L, "srw", 4L, "rw"), permissions);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {          // the page and the delivery state name the asset
                JsonNode hero = null;
                for (JsonNode job : delivery(service).path("projects").path(0).path("jobs")) {
                    if (job.path("name").asText().equals("HybridWork_TST_Asset_Character_Hero")) hero = job;
                }
                assertTrue(hero != null && "asset".equals(hero.path("kind").asText()) && "Character/Hero".equals(hero.path("asset").asText()),
                        String.valueOf(hero));
                JsonNode overview = MAPPER.readTree(service.send("GET", "/admin/overview?project=155", Sandbox.ADMIN_TOKEN).body());
                JsonNode asset = overview.path("projects").path(0).path("assets").path(0);
                assertEquals("Hero", asset.path("code").asText(), overview.toString());
                assertEquals("[\"Matthew Testuser\"]", asset.path("builders").toString());
                assertEquals("HybridWork_TST_Asset_Character_Hero", asset.path("job").asText());
            });
        }
    }

    /** The shot's delivery summary as the simulated ShotGrid holds it ("" when none). */
    private static String studioField(ServiceProcess service, String sg, long shot) throws Exception {
        for (JsonNode s : MAPPER.readTree(service.send("GET", sg + "/sandbox/studio", null).body()).path("shots")) {
            if (s.path("id").asLong() == shot) return s.path("sg_resilio_delivery").asText("");
        }
        return "";
    }

    private static JsonNode delivery(ServiceProcess service) throws Exception {
        return MAPPER.readTree(service.send("GET", "/admin/delivery?project=155", Sandbox.ADMIN_TOKEN).body());
    }

    /** Waits until Alex Trial's place on TST_010_0010's job has this state and detail; returns it. */
    private static JsonNode awaitAlex(ServiceProcess service, String state, String detail) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode alex = null;
            for (JsonNode job : delivery(service).path("projects").path(0).path("jobs")) {
                if (!"TST_010_0010".equals(job.path("shot").asText())) continue;
                for (JsonNode a : job.path("agents")) if ("Alex Trial".equals(a.path("artist").asText())) alex = a;
                assertEquals(state, job.path("state").asText(), "the job's state is its worst agent's");
            }
            assertTrue(alex != null, "Alex is on the shot's job");
            assertEquals(state, alex.path("state").asText(), alex.toString());
            assertTrue(alex.path("detail").asText().contains(detail), alex.toString());
            found[0] = alex;
        });
        return found[0];
    }

    /** Waits until the simulated console holds exactly these jobs, by name, with these agent ids. */
    private static void awaitJobs(ServiceProcess service, String console, Map<String, List<Long>> expected) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, List<Long>> jobs = new TreeMap<>();
            for (JsonNode job : MAPPER.readTree(service.send("GET", console + "/", null).body())) {
                jobs.put(job.path("name").asText(), job.path("agents").findValues("id").stream().map(JsonNode::asLong).toList());
            }
            assertEquals(new TreeMap<>(expected), jobs);
        });
    }
}
