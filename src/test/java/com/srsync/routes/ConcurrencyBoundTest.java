package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * RECONCILE_CONCURRENCY is a bound on reconciles, also while the console makes them wait: with one
 * permit and a console that answers every create 429 with Retry-After 60, twenty projects are
 * reconciled one after another, and srsync_reconcile_running never shows more than one.
 */
class ConcurrencyBoundTest extends ServiceTestSupport {
    private static final int PROJECTS = 20;

    @Override
    void moreProperties(Properties p) {
        p.put("reconcile.concurrency", "1");
    }

    private double running() throws Exception {
        for (String line : admin("GET", "/observe/metrics", ADMIN_TOKEN).body().split("\n")) {
            if (line.startsWith("srsync_reconcile_running ")) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        throw new AssertionError("no srsync_reconcile_running");
    }

    @Test
    void at_most_reconcile_concurrency_reconciles_run_while_the_console_throttles_every_create() throws Exception {
        for (int i = 1; i <= PROJECTS; i++) {
            long project = 4000 + i, shot = 40_000 + i;
            site.project(project, "Q" + i).shot(shot, project, "Q" + i + "_010_0010", "active", "Q" + i + "_010")
                    .task(shot * 10, shot, user(7, "Alex Trial"));
        }
        site.latency(50).install();                               // each reconcile takes a while: many samples per run
        console.install();
        resilioServer.stubFor(post("/api/v2/jobs").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));

        AtomicInteger most = new AtomicInteger();
        AtomicInteger samples = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    most.accumulateAndGet((int) running(), Math::max);
                    samples.incrementAndGet();
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        long before = runs().ended();
        for (int i = 1; i <= PROJECTS; i++) template.sendBody("seda:reconcile-requests", 4000L + i);
        await().atMost(Duration.ofSeconds(30)).until(() -> runs().ended() >= before + PROJECTS);
        watcher.interrupt();
        watcher.join();

        assertTrue(samples.get() > 20, "sampled " + samples.get() + " times");
        assertEquals(1, most.get(), "most reconciles under way at once");
        assertEquals(0.0, running());
        assertEquals(2 * PROJECTS, resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs"))).size(),
                "each project's two creates tried once, then left for the project's next plan");
    }
}
