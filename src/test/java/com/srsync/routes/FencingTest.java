package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One writer: two real service processes on a file lock against the sandbox's simulators. The leader's
 * write is deferred by the console (429, Retry-After), the lock moves to the other replica meanwhile,
 * and an artist is unassigned: the old leader sends nothing after it stepped down, and the artist is
 * not put back. A replica that takes over plans with artists.yaml as it is then, not as it was when it started.
 */
class FencingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ADMIN = ReplicaSupport.ADMIN;
    private final HttpClient http = HttpClient.newHttpClient();
    private Sandbox sandbox;
    private ServiceProcess a;
    private ServiceProcess b;

    @AfterEach
    void stop() throws Exception {
        for (ServiceProcess p : new ServiceProcess[] {a, b}) if (p != null) p.kill();
        if (sandbox != null) sandbox.stop();
    }

    private Map<String, String> env(Path lockDir, String id) throws Exception {
        return ReplicaSupport.replica(sandbox, id, Map.of("LEADER_ELECTION", "file", "LEADER_ELECTION_DIR", lockDir.toString(),
                "RETRY_DELAY_MS", "50"));
    }

    private Map<String, String> env(Path lockDir, String id, Path artists) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(env(lockDir, id));
        env.put("ARTISTS_FILE", artists.toString());
        return env;
    }

    private boolean anyJobHas(int agent) throws Exception {
        for (JsonNode job : get(console() + "/")) if (hasAgent(job, agent)) return true;
        return false;
    }

    private JsonNode get(String url) throws Exception {
        return MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private void post(String url, String method) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String console() {
        return sandbox.properties().get("resilio.url");
    }

    private String shotgrid() {
        return sandbox.properties().get("shotgrid.url");
    }

    private static boolean hasAgent(JsonNode job, int agent) {
        for (JsonNode a : job.path("agents")) if (a.path("id").asInt() == agent) return true;
        return false;
    }

    private JsonNode job(String name) throws Exception {
        for (JsonNode job : get(console() + "/")) if (job.path("name").asText().equals(name)) return job;
        return null;
    }

    /** The first line of p's scrape that starts with {@code prefix}, or "". */
    private static String metric(ServiceProcess p, String prefix) throws Exception {
        return p.send("GET", "/observe/metrics", ADMIN).body().lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }

    private static double writes(ServiceProcess p) throws Exception {
        double total = 0;
        for (String line : p.send("GET", "/observe/metrics", ADMIN).body().split("\n")) {
            if (line.startsWith("srsync_writes_total{") && line.contains("result=\"ok\"")) total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return total;
    }

    /**
     * The lock changes hands under a live leader, as when a shared volume loses its locks (an NFS server
     * restart) or someone clears the folder: the lock files go, the standby makes and takes new ones, and the
     * leader finds another replica named in the leader's data file. (A leader frozen with SIGSTOP keeps its
     * OS lock, so freezing one does not move the lock.)
     */
    private static void moveLock(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
    }

    @Test
    void a_replica_that_lost_the_lead_sends_nothing_it_planned_and_an_unassigned_artist_is_not_put_back() throws Exception {
        sandbox = ReplicaSupport.simulators();
        Path lock = Files.createTempDirectory("srsync-lock-");
        a = ServiceProcess.start(env(lock, "replica-a"), ServiceTestSupport.freePort(), "fencing-a");
        await().atMost(Duration.ofSeconds(30)).until(() -> ReplicaSupport.leads(a));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(console() + "/").size() == 2);   // the takeover pass
        post(console() + "/sandbox/agents/2/offline", "POST");              // Alex's machine goes offline while A leads
        await().atMost(Duration.ofSeconds(20)).until(() -> metric(a, "srsync_delivery_agents_offline").equals("srsync_delivery_agents_offline 1.0"));
        b = ServiceProcess.start(env(lock, "replica-b"), ServiceTestSupport.freePort(), "fencing-b");
        Thread.sleep(3000);
        assertTrue(ReplicaSupport.leads(a) && !ReplicaSupport.leads(b));

        post(console() + "/sandbox/throttle/1?retry_after=20", "POST");     // the leader's next write: 429, Retry-After 20
        post(shotgrid() + "/sandbox/tasks/5002/assignees/8", "POST");        // Matthew joins TST_010_0010
        assertEquals(202, a.send("POST", "/admin/sync?project=155", ADMIN).statusCode());
        Thread.sleep(3000);                                                  // the reconcile has planned and tried its writes
        post(shotgrid() + "/sandbox/tasks/5002/assignees/8", "DELETE");      // and leaves again, while the shot's write waits

        moveLock(lock);                                                      // the lock moves while A's write waits
        await().atMost(Duration.ofSeconds(30)).until(() -> ReplicaSupport.leads(b));
        await().atMost(Duration.ofSeconds(30)).until(() -> !ReplicaSupport.leads(a));
        long steppedDown = System.currentTimeMillis();
        double aWrites = writes(a);
        post(console() + "/sandbox/agents/2/online", "POST");                // the machine comes back while B leads
        assertEquals("", metric(a, "srsync_delivery_"), "a standby serves none of the leader's delivery gauges");
        assertEquals("", metric(a, "srsync_webhook_alarm"), "nor its webhook alarm");
        String health = a.send("GET", "/observe/health", ADMIN).body();
        assertTrue(health.contains("\"name\":\"webhook\",\"status\":\"UP\",\"message\":\"standby"), health);
        Thread.sleep(3000);                                                  // B's takeover pass

        Thread.sleep(25_000);                                                // past the console's Retry-After
        assertTrue(!ReplicaSupport.leads(a));
        assertEquals(aWrites, writes(a), "the old leader wrote after it stepped down");
        for (JsonNode w : get(console() + "/sandbox/writes")) {
            if (w.path("at").asLong() > steppedDown) {
                assertTrue(!w.path("body").asText().contains("\"id\":3") && !w.path("body").asText().contains("\"id\": 3"),
                        "a write after the lead moved carries Matthew, unassigned before: " + w);
            }
        }
        assertTrue(!hasAgent(job("HybridWork_TST_TST_010_0010"), 3), "Matthew was put back on the shot's job");
        assertTrue(!hasAgent(job("HybridWork_TST_Assets"), 3), "Matthew was put back on the assets job");
    }

    @Test
    void a_new_leader_plans_with_artists_yaml_as_it_is_when_it_takes_over() throws Exception {
        sandbox = ReplicaSupport.simulators();
        Path lock = Files.createTempDirectory("srsync-lock-");
        Path artists = Files.createTempFile("artists-", ".yaml");
        Files.copy(Path.of("config/artists.yaml"), artists, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        post(shotgrid() + "/sandbox/tasks/5002/assignees/8", "POST");        // Matthew works on TST_010_0010
        a = ServiceProcess.start(env(lock, "replica-a", artists), ServiceTestSupport.freePort(), "takeover-a");
        await().atMost(Duration.ofSeconds(30)).until(() -> ReplicaSupport.leads(a));
        await().atMost(Duration.ofSeconds(30)).until(() -> anyJobHas(3));
        b = ServiceProcess.start(env(lock, "replica-b", artists), ServiceTestSupport.freePort(), "takeover-b");
        Thread.sleep(3000);

        String without = Files.readString(artists).replaceAll("(?s)  Matthew Testuser:.*?/Volumes/Company\"\n", "");
        Files.writeString(artists, without);                                 // Matthew leaves the studio's list
        await().atMost(Duration.ofSeconds(30)).until(() -> !anyJobHas(3));
        long removed = System.currentTimeMillis();
        a.kill();                                                            // SIGKILL: no hand-over
        await().atMost(Duration.ofSeconds(30)).until(() -> ReplicaSupport.leads(b));
        Thread.sleep(6000);                                                  // B's takeover pass, and a few reads of the file after it

        for (JsonNode w : get(console() + "/sandbox/writes")) {
            if (w.path("at").asLong() > removed) {
                assertTrue(!w.path("body").asText().contains("\"id\":3") && !w.path("body").asText().contains("\"id\": 3"),
                        "Matthew, removed from artists.yaml before the takeover, was put back: " + w);
            }
        }
        assertTrue(!anyJobHas(3));
        assertEquals(200, b.send("GET", "/observe/health", null).statusCode());
    }
}
