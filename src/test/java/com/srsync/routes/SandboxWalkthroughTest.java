package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The README's sandbox walkthrough, step by step: SANDBOX=true brings the service up healthy next to
 * the simulated ShotGrid and console, and each curl of the walkthrough gives the jobs it describes.
 */
class SandboxWalkthroughTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void the_readme_walkthrough_makes_the_jobs_appear_change_and_disappear() throws Exception {
        int port = ServiceTestSupport.freePort();
        String sg = "http://localhost:" + ServiceTestSupport.freePort();
        String console = "http://localhost:" + ServiceTestSupport.freePort();
        try (ServiceProcess service = ServiceProcess.start(Map.of("SANDBOX", "true",
                "SANDBOX_SHOTGRID_PORT", sg.substring(sg.lastIndexOf(':') + 1),
                "SANDBOX_RESILIO_PORT", console.substring(console.lastIndexOf(':') + 1),
                "DATA_DIR", java.nio.file.Files.createTempDirectory("srsync-sandbox-").toString()), port, "sandbox-walkthrough")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> service.send("GET", "/observe/health", null).statusCode() == 200);

            // 1. at start: shot TST_010_0010 is active with Alex Trial on its comp task
            awaitJobs(service, console, Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 2L), "HybridWork_TST_Assets", List.of(4L, 2L)));
            // 2. an artist assigned: Matthew Testuser on that shot's comp task
            assertEquals(200, service.send("POST", sg + "/sandbox/tasks/5001/assignees/8", null).statusCode());
            awaitJobs(service, console, Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 2L, 3L), "HybridWork_TST_Assets", List.of(4L, 2L, 3L)));
            // 3. a shot becomes active: TST_010_0020, where Matthew has a task
            assertEquals(200, service.send("POST", sg + "/sandbox/shots/1214/status/active", null).statusCode());
            awaitJobs(service, console, Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 2L, 3L), "HybridWork_TST_TST_010_0020", List.of(4L, 3L),
                    "HybridWork_TST_Assets", List.of(4L, 2L, 3L)));
            // 4. an artist removed: Alex Trial off TST_010_0010, so off the assets job too
            assertEquals(200, service.send("DELETE", sg + "/sandbox/tasks/5001/assignees/7", null).statusCode());
            awaitJobs(service, console, Map.of("HybridWork_TST_TST_010_0010", List.of(4L, 3L), "HybridWork_TST_TST_010_0020", List.of(4L, 3L),
                    "HybridWork_TST_Assets", List.of(4L, 3L)));
            // 5. the last artist removed from a shot, and a shot put on hold: their jobs go
            assertEquals(200, service.send("DELETE", sg + "/sandbox/tasks/5001/assignees/8", null).statusCode());
            assertEquals(200, service.send("POST", sg + "/sandbox/shots/1214/status/hld", null).statusCode());
            awaitJobs(service, console, Map.of());

            JsonNode plan = MAPPER.readTree(service.send("GET", "/admin/plan", "sandbox").body());
            assertTrue(plan.path("projects").isArray());
        }
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
