package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.srsync.bench.BenchReport;
import com.srsync.stubs.ResilioConsole;
import com.srsync.stubs.ShotGridSite;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 11. What the delivery poll costs the console with 2,000 managed jobs: requests per poll, in a steady
 * state and in the first polls, with the poll's own budget. Time is scaled: one poll a second stands for the
 * default one a minute, and DELIVERY_REFRESH_MS=5000 for its default five minutes.
 */
class DeliveryPollBench {
    @RegisterExtension
    static WireMockExtension shotgrid = ShotGridSite.server(wireMockConfig().dynamicPort().containerThreads(20));
    @RegisterExtension
    static WireMockExtension resilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().containerThreads(20)).build();

    private static final String ADMIN = "admin-token-for-bench";
    private static final int PROJECTS = 20;
    private static final int JOBS_EACH = 100;

    private static void studio() {
        ShotGridSite site = new ShotGridSite(shotgrid);
        ResilioConsole console = new ResilioConsole(resilio);
        List<String> runs = new ArrayList<>();
        long jobId = 100_000;
        for (int p = 1; p <= PROJECTS; p++) {
            String tank = "T%02d".formatted(p);
            long project = 7000 + p;
            site.project(project, tank).shot(70_000 + p, project, tank + "_010_0001", "active", tank + "_010").task(700_000 + p, 70_000 + p,
                    user(7, "Alex Trial"));
            for (int j = 1; j <= JOBS_EACH; j++) {
                jobId++;
                String name = "HybridWork_%s_%s_010_%04d".formatted(tank, tank, j);
                console.job(jobId, "{\"name\": \"" + name + "\", \"type\": \"hybrid_work\", \"description\": \"Shot\", \"agents\": ["
                        + "{\"id\": 4, \"role\": \"primary_storage\", \"permission\": \"rw\", \"path\": {\"linux\": \"/s/" + name + "\"}},"
                        + "{\"id\": 2, \"role\": \"enduser\", \"permission\": \"srw\", \"path\": {\"linux\": \"/v/" + name + "\"}}]}");
                runs.add("{\"id\": " + (jobId + 500_000) + ", \"job_id\": " + jobId + ", \"status\": \"working\", \"active\": true, "
                        + "\"files_total\": 40, \"size_total\": 4000, \"size_completed\": 4000, \"agents_total\": 2, \"errors\": []}");
            }
        }
        site.install();
        console.install();
        for (int offset = 0; offset <= runs.size(); offset += 500) {
            List<String> page = runs.subList(offset, Math.min(runs.size(), offset + 500));
            resilio.stubFor(get(urlPathEqualTo("/api/v2/runs")).withQueryParam("offset", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                    String.valueOf(offset))).willReturn(okJson("{\"data\": [" + String.join(",", page) + "]}")));
        }
        resilio.stubFor(get("/api/v2/agents").willReturn(okJson("[{\"id\": 4, \"name\": \"Linux_Remote\", \"online\": true, \"last_seen\": 1796288400, "
                + "\"errors\": []}, {\"id\": 2, \"name\": \"MacBook\", \"online\": true, \"last_seen\": 1796288400, \"errors\": []}]")));
        resilio.stubFor(get(urlPathMatching("/api/v2/runs/[0-9]+/agents")).willReturn(okJson("{\"data\": ["
                + "{\"agent_id\": 4, \"status\": \"synced\", \"permission\": \"rw\", \"files_total\": 40, \"files_completed\": 40},"
                + "{\"agent_id\": 2, \"status\": \"synced\", \"permission\": \"srw\", \"files_total\": 40, \"files_completed\": 40}]}")));
    }

    @Test
    void requests_per_poll_with_2000_jobs() throws Exception {
        studio();
        Map<String, String> env = new HashMap<>(Map.of("SHOTGRID_URL", shotgrid.baseUrl(), "SHOTGRID_SCRIPT_NAME", "bench",
                "SHOTGRID_API_KEY", "k", "SECRET_TOKEN", ProcessBench.SECRET, "RESILIO_URL", resilio.baseUrl(),
                "RESILIO_TOKEN", ResilioConsole.TOKEN, "DATA_DIR", Files.createTempDirectory("srsync-bench-delivery-").toString(),
                "SAFETY_NET_INITIAL_DELAY_MS", "1000", "ADMIN_TOKEN", ADMIN, "DRY_RUN", "true"));
        env.put("DELIVERY_POLL_INTERVAL_MS", "1000");
        env.put("DELIVERY_REFRESH_MS", "5000");
        ObjectMapper mapper = new ObjectMapper();
        try (ServiceProcess service = ServiceProcess.start(env, ServiceTestSupport.freePort(), "bench-delivery")) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> mapper.readTree(
                    service.send("GET", "/admin/delivery", ADMIN).body()).path("projects").size() == PROJECTS);
            long followedAt = System.currentTimeMillis();
            long start = followedAt;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> !service.send("GET", "/admin/delivery", ADMIN)
                    .body().contains("not read yet"));
            double allRead = (System.currentTimeMillis() - followedAt) / 1000.0;
            Thread.sleep(30_000);                                              // 30 polls: six refresh periods
            List<List<ServeEvent>> polls = polls(start);
            List<Integer> sizes = polls.stream().map(List::size).toList();
            List<Integer> steady = sizes.subList(Math.min(sizes.size(), (int) Math.ceil(allRead) + 1), sizes.size());
            int pagesMax = polls.stream().mapToInt(p -> (int) p.stream().filter(e -> e.getRequest().getUrl().startsWith("/api/v2/runs?")).count()).max().orElse(0);
            BenchReport.section(11, String.join("\n",
                    "## 11. What the delivery poll costs the console, 2,000 managed jobs",
                    "",
                    BenchReport.row("polls measured", "requests in the costliest poll", "mean per poll (steady)", "most run-list pages in one poll",
                            "every job's agents read once after", "writes"),
                    BenchReport.row("---", "---", "---", "---", "---", "---"),
                    BenchReport.row(String.valueOf(sizes.size()), String.valueOf(sizes.stream().mapToInt(Integer::intValue).max().orElse(0)),
                            "%.1f".formatted(steady.stream().mapToInt(Integer::intValue).average().orElse(0)), String.valueOf(pagesMax),
                            "%.0f polls".formatted(allRead), String.valueOf(new ResilioConsole(resilio).writes().size())),
                    "",
                    "20 projects of 100 managed jobs each (DRY_RUN: the reconcile plans but writes nothing), one run per job. Polls every "
                            + "second with DELIVERY_REFRESH_MS=5000, standing for the defaults (a minute, five minutes): a poll's requests are "
                            + "what a minute costs at the defaults. A poll: GET /agents, the run list (500 a page) when due, then at most 30 "
                            + "single reads, the least recently read first. Polls told apart by a gap of 300 ms in the console's journal."));
        }
    }

    /** The console's delivery requests since {@code start}, split into polls where the journal pauses for 300 ms. */
    private static List<List<ServeEvent>> polls(long start) {
        List<ServeEvent> events = new ArrayList<>(resilio.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getLoggedDate().getTime() >= start)
                .filter(e -> e.getRequest().getUrl().startsWith("/api/v2/agents") || e.getRequest().getUrl().startsWith("/api/v2/runs")).toList());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<List<ServeEvent>> polls = new ArrayList<>();
        long last = 0;
        for (ServeEvent e : events) {
            long at = e.getRequest().getLoggedDate().getTime();
            if (polls.isEmpty() || at - last > 300) polls.add(new ArrayList<>());
            polls.get(polls.size() - 1).add(e);
            last = at;
        }
        return polls;
    }
}
