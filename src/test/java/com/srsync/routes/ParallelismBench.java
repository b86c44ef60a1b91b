package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.srsync.bench.BenchReport;
import com.srsync.sandbox.Sandbox;
import com.srsync.stubs.ResilioConsole;
import com.srsync.stubs.ShotGridSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 7. Many projects at once, and replicas: a full pass of 100 projects (25 active shots each) against a
 * ShotGrid that answers in 150 ms, with 1 worker and with the default 4; how long a change to the
 * project the pass reaches last takes to reach the console meanwhile; and how long after a SIGKILL
 * of the leader the standby makes its first write.
 */
class ParallelismBench {
    @RegisterExtension
    static WireMockExtension shotgrid = ShotGridSite.server(wireMockConfig().dynamicPort().containerThreads(60));
    @RegisterExtension
    static WireMockExtension resilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().containerThreads(40)).build();

    static final int PROJECTS = 100, SHOTS = 25;
    static final String ADMIN = "admin-token-for-bench";

    private Map<String, String> settings(Path data) {
        Map<String, String> env = new HashMap<>(Map.of("SHOTGRID_URL", shotgrid.baseUrl(), "SHOTGRID_SCRIPT_NAME", "bench",
                "SHOTGRID_API_KEY", "k", "SECRET_TOKEN", ProcessBench.SECRET, "RESILIO_URL", resilio.baseUrl(),
                "RESILIO_TOKEN", ResilioConsole.TOKEN, "DATA_DIR", data.toString(), "SAFETY_NET_INITIAL_DELAY_MS", "3600000",
                "ADMIN_TOKEN", ADMIN, "SYNC_DEBOUNCE_MS", "300"));
        env.put("DELETE_GUARD_FRACTION", "1");
        return env;
    }

    private static ShotGridSite studio() {
        ShotGridSite site = new ShotGridSite(shotgrid);
        for (int p = 1; p <= PROJECTS; p++) {
            long project = 4000 + p;
            site.project(project, "Q%03d".formatted(p));
            for (int s = 0; s < SHOTS; s++) {
                long shot = project * 100 + s;
                site.shot(shot, project, "Q%03d_010_%04d".formatted(p, s * 10), "active", "Q%03d_010".formatted(p));
                site.task(shot * 10, shot, user(7, "Alex Trial"));
            }
        }
        site.latency(150).install();                                 // a studio's round trip to the cloud
        new ResilioConsole(resilio).install();
        return site;
    }

    private static double reconciled(ServiceProcess service) throws Exception {
        double total = 0;
        for (String line : service.send("GET", "/observe/metrics", ADMIN).body().split("\n")) {
            if (line.startsWith("srsync_reconcile_total{")) total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return total;
    }

    @Test
    void a_change_during_a_full_pass_and_the_pass_itself() throws Exception {
        ShotGridSite site = studio();
        Sandbox sandbox = ReplicaSupport.simulators();                      // a console that keeps its jobs
        HttpClient http = HttpClient.newHttpClient();
        try {
            List<String> rows = new ArrayList<>();
            for (int workers : new int[] {1, 4}) {
                Map<String, String> env = settings(Files.createTempDirectory("srsync-bench-parallel-"));
                env.put("RECONCILE_CONCURRENCY", String.valueOf(workers));
                env.put("RESILIO_URL", sandbox.properties().get("resilio.url"));
                env.put("RESILIO_TOKEN", sandbox.properties().get("resilio.token"));
                int port = ServiceTestSupport.freePort();
                try (ServiceProcess service = ServiceProcess.start(env, port, "bench-parallel-" + workers)) {
                    service.send("POST", "/admin/sync", ADMIN);                  // first pass: the console gets every job
                    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> reconciled(service) >= PROJECTS);
                    double before = reconciled(service);

                    long passStart = System.currentTimeMillis();
                    service.send("POST", "/admin/sync", ADMIN);                  // the measured pass: nothing to write, as a safety net's
                    Thread.sleep(1000);
                    String code = "Q%03d_010_99%02d".formatted(PROJECTS, workers);     // a shot becomes active in the last project
                    site.shot(4000 + PROJECTS + 900_000L + workers, 4000 + PROJECTS, code, "active", "Q%03d_010".formatted(PROJECTS))
                            .task((4000 + PROJECTS + 900_000L + workers) * 10, 4000 + PROJECTS + 900_000L + workers, user(7, "Alex Trial"));
                    byte[] change = WebhookSupport.assignmentChange(4000 + PROJECTS, 8_000_000 + workers);
                    long delivered = System.currentTimeMillis();
                    WebhookSupport.post(port, "/webhooks/shotgrid", change, WebhookSupport.sign(change, ProcessBench.SECRET));
                    String job = "HybridWork_Q%03d_%s".formatted(PROJECTS, code);
                    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> http.send(
                            HttpRequest.newBuilder(URI.create(sandbox.properties().get("resilio.url") + "/")).build(),
                            HttpResponse.BodyHandlers.ofString()).body().contains(job));
                    long reaction = System.currentTimeMillis() - delivered;
                    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> reconciled(service) >= before + PROJECTS);
                    double pass = (System.currentTimeMillis() - passStart) / 1000.0;
                    rows.add(BenchReport.row(String.valueOf(workers), "%,d ms".formatted(reaction), "%.1f s".formatted(pass)));
                    service.stop();
                }
            }
            BenchReport.section(7, String.join("\n",
                    "## 7. Many projects at once",
                    "",
                    BenchReport.row("RECONCILE_CONCURRENCY", "a shot made active in the last project, 1 s into a full pass: delivery to its job in the console",
                            "full pass of %d projects (%d active shots each), nothing to write".formatted(PROJECTS, SHOTS)),
                    BenchReport.row("---", "---", "---"),
                    String.join("\n", rows),
                    "",
                    "ShotGrid answers every search after 150 ms (a studio's round trip to the cloud); the console is the sandbox's, which keeps "
                            + "its jobs, so the measured pass (after a first one that created every job) writes nothing, as a safety net's "
                            + "normally does. Debounce 300 ms. The pass is POST /admin/sync, timed until every project's reconcile ended."));
        } finally {
            sandbox.stop();
        }
    }

    @Test
    void takeover_after_the_leader_is_killed() throws Exception {
        studio();
        Path lock = Files.createTempDirectory("srsync-bench-lock-");
        Map<String, String> a = settings(Files.createTempDirectory("srsync-bench-a-"));
        a.putAll(Map.of("LEADER_ELECTION", "file", "LEADER_ELECTION_DIR", lock.toString(), "LEADER_ELECTION_ID", "bench-a"));
        Map<String, String> b = settings(Files.createTempDirectory("srsync-bench-b-"));
        b.putAll(Map.of("LEADER_ELECTION", "file", "LEADER_ELECTION_DIR", lock.toString(), "LEADER_ELECTION_ID", "bench-b"));
        try (ServiceProcess leader = ServiceProcess.start(a, ServiceTestSupport.freePort(), "bench-takeover-a");
             ServiceProcess standby = ServiceProcess.start(b, ServiceTestSupport.freePort(), "bench-takeover-b")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ReplicaSupport.leads(leader));
            Thread.sleep(5000);
            leader.kill();                                                       // SIGKILL
            long killed = System.currentTimeMillis();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> firstWriteSince(killed) > 0);
            double firstWrite = (firstWriteSince(killed) - killed) / 1000.0;
            BenchReport.section(8, String.join("\n",
                    "## 8. Takeover",
                    "",
                    BenchReport.row("LEADER_ELECTION", "SIGKILL of the leader to the first write by the new leader"),
                    BenchReport.row("---", "---"),
                    BenchReport.row("file (lock checked every 2 s)", "%.1f s".formatted(firstWrite)),
                    "",
                    "Two replicas on one lock directory; the leader is killed with SIGKILL (no hand-over). The standby leads, reconciles every "
                            + "project, and its first create reaches the console. With kubernetes the Lease election adds the time until the "
                            + "dead pod stops being Ready (measured in KubernetesLeaseElectionTest: 15-20 s)."));
            standby.stop();
        }
    }

    private static long firstWriteSince(long since) {
        long first = 0;
        for (LoggedRequest r : resilio.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs")))) {
            long at = r.getLoggedDate().getTime();
            if (at >= since && (first == 0 || at < first)) first = at;
        }
        return first;
    }
}
