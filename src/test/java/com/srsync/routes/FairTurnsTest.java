package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * When a full pass takes longer than SAFETY_NET_INTERVAL_MS, every project still gets its turn: one
 * worker, a ShotGrid that takes 100 ms a search, twenty projects and a safety net every second (a pass
 * takes about three). The highest project's missing job - deleted by hand, say - is made within one
 * full pass or so, not after the lowest projects have had many turns.
 */
class FairTurnsTest extends ServiceTestSupport {
    private static final int PROJECTS = 20;

    @Override
    void moreProperties(Properties p) {
        p.put("reconcile.concurrency", "1");
        p.put("safety.net.initial.delay.ms", "200");
        p.put("safety.net.interval.ms", "1000");
    }

    @Test
    void every_project_is_reconciled_when_passes_outlast_the_interval() {
        for (int i = 1; i <= PROJECTS; i++) {
            long project = 5000 + i, shot = 50_000 + i;
            site.project(project, "F" + i).shot(shot, project, "F" + i + "_010_0010", "active", "F" + i + "_010")
                    .task(shot * 10, shot, user(7, "Alex Trial"));
        }
        site.latency(100).install();
        console.install();                                         // no job yet: every project has its shot's job to make

        String last = "HybridWork_F" + PROJECTS + "_F" + PROJECTS + "_010_0010";
        await().atMost(Duration.ofSeconds(40)).until(() -> !resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs"))
                .withRequestBody(matchingJsonPath("$.name", equalTo(last)))).isEmpty());
        long first = resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs"))).stream()
                .mapToLong(r -> r.getLoggedDate().getTime()).min().orElseThrow();
        long lastMade = resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.name", equalTo(last))))
                .get(0).getLoggedDate().getTime();
        assertTrue(lastMade - first < 8000, "the highest project waited " + (lastMade - first) + " ms; a full pass takes about 3000");
        for (int i = 1; i <= PROJECTS; i++) {
            String name = "HybridWork_F" + i + "_F" + i + "_010_0010";
            await().atMost(Duration.ofSeconds(1)).until(() -> !resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs"))
                    .withRequestBody(matchingJsonPath("$.name", equalTo(name)))).isEmpty());
        }
    }
}
