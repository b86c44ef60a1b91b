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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two real service processes with LEADER_ELECTION=file against the sandbox's simulated ShotGrid and
 * (stateful) console: one leads, the standby answers 503 and calls nothing; the leader killed with
 * SIGKILL is replaced within 30 s and a change made while no one led is repaired without a webhook;
 * a clean stop hands over within 10 s; at no moment do two managed jobs share a name.
 */
class LeaderElectionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ADMIN = ReplicaSupport.ADMIN;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Integer> mostWithOneName = new ConcurrentHashMap<>();
    private Sandbox sandbox;
    private ServiceProcess a;
    private ServiceProcess b;
    private Thread watcher;

    @AfterEach
    void stop() throws Exception {
        if (watcher != null) watcher.interrupt();
        for (ServiceProcess p : new ServiceProcess[] {a, b}) if (p != null) p.kill();
        if (sandbox != null) sandbox.stop();
    }

    private Map<String, String> env(Path lockDir, String id) throws Exception {
        return ReplicaSupport.replica(sandbox, id, Map.of("LEADER_ELECTION", "file", "LEADER_ELECTION_DIR", lockDir.toString()));
    }

    private JsonNode consoleJobs() throws Exception {
        return MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(consoleUrl() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private String consoleUrl() {
        return sandbox.properties().get("resilio.url");
    }

    private String shotgridUrl() {
        return sandbox.properties().get("shotgrid.url");
    }

    private static boolean leads(ServiceProcess p) {
        return ReplicaSupport.leads(p);
    }

    private static double routeExchanges(ServiceProcess p, String route) throws Exception {
        double total = 0;
        for (String line : p.send("GET", "/observe/metrics", ADMIN).body().split("\n")) {
            if (line.startsWith("camel_exchanges_total{") && line.contains("route_id=\"" + route + "\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    @Test
    void one_leads_the_standby_calls_nothing_and_a_killed_or_stopped_leader_is_replaced() throws Exception {
        int portA = ServiceTestSupport.freePort(), portB = ServiceTestSupport.freePort();
        sandbox = ReplicaSupport.simulators();                       // webhooks go nowhere
        Path lock = Files.createTempDirectory("srsync-lock-");

        a = ServiceProcess.start(env(lock, "replica-a"), portA, "leader-a");
        await().atMost(Duration.ofSeconds(30)).until(() -> leads(a));
        await().atMost(Duration.ofSeconds(30)).until(() -> consoleJobs().size() == 2);   // the takeover reconcile of a new leader
        watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Map<String, Integer> count = new HashMap<>();
                    for (JsonNode job : consoleJobs()) count.merge(job.path("name").asText(), 1, Integer::sum);
                    count.forEach((name, n) -> mostWithOneName.merge(name, n, Math::max));
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the console answers again at the next poll
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();

        b = ServiceProcess.start(env(lock, "replica-b"), portB, "leader-b");
        Thread.sleep(3000);                                          // several election rounds
        assertTrue(leads(a));
        assertEquals(503, b.send("GET", "/observe/leader", null).statusCode());
        var webhook = WebhookSupport.post(portB, "/webhooks/shotgrid", "{}".getBytes(), "sha1=0");
        assertEquals(503, webhook.statusCode());
        assertEquals("{\"error\":\"standby: another replica leads; send to the leader\"}", webhook.body());
        assertEquals(503, b.send("POST", "/admin/sync?project=155", ADMIN).statusCode());
        for (String token : new String[] {null, ADMIN}) {                // a standby's refusal says back nothing it was sent
            var refused = b.send("GET", "/admin/plan?Refresh=0;url=https://evil.example&Set-Cookie=s%3D1", token);
            assertEquals(token == null ? 401 : 503, refused.statusCode());
            assertTrue(refused.headers().firstValue("Refresh").isEmpty() && refused.headers().firstValue("Set-Cookie").isEmpty(),
                    refused.headers().map().toString());
        }
        assertEquals(200, b.send("GET", "/observe/health/live", null).statusCode());
        assertEquals(0.0, routeExchanges(b, "shotgrid-call") + routeExchanges(b, "resilio-call"), "the standby called upstream");

        a.kill();                                                    // SIGKILL: no hand-over
        long killed = System.nanoTime();
        http.send(HttpRequest.newBuilder(URI.create(shotgridUrl() + "/sandbox/shots/1214/status/active"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());   // no one hears a webhook
        await().atMost(Duration.ofSeconds(30)).until(() -> leads(b));
        double takeover = (System.nanoTime() - killed) / 1e9;
        await().atMost(Duration.ofSeconds(30)).until(() -> consoleJobs().toString().contains("HybridWork_TST_TST_010_0020"));
        assertTrue(takeover < 30, "took over after " + takeover + " s");

        a = ServiceProcess.start(env(lock, "replica-a2"), portA, "leader-a2");
        Thread.sleep(3000);
        assertEquals(503, a.send("GET", "/observe/leader", null).statusCode());
        long stopped = System.nanoTime();
        b.stop();                                                    // SIGTERM: a clean stop hands over
        await().atMost(Duration.ofSeconds(10)).until(() -> leads(a));
        double handover = (System.nanoTime() - stopped) / 1e9;
        assertTrue(handover < 10, "handed over after " + handover + " s");
        System.out.printf("LEADER_ELECTION=file: takeover after SIGKILL %.1f s, hand-over after SIGTERM %.1f s%n", takeover, handover);

        watcher.interrupt();
        mostWithOneName.forEach((name, n) -> assertEquals(1, n, name + " existed " + n + " times at once"));
        assertTrue(mostWithOneName.containsKey("HybridWork_TST_TST_010_0020"));
    }
}
