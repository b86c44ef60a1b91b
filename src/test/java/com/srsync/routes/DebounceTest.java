package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.routes.WebhookSupport.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Per-project debounce: bursts cost one reconcile, and the webhook answer never waits. */
class DebounceTest extends ServiceTestSupport {
    private static final AtomicLong EVENT_IDS = new AtomicLong(1_000_000);

    @Override
    void moreProperties(Properties p) {
        p.put("sync.debounce.ms", "500");
        p.put("sync.max.delay.ms", "5000");
    }

    private void studio() {
        site.project(155, "TST").project(156, "OTH").project(157, "THR")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
    }

    private int shotReads(long project) {
        return shotgridServer.findAll(postRequestedFor(urlEqualTo("/api/v1/entity/shots/_search"))
                .withRequestBody(matchingJsonPath("$.filters[0][2].id", equalTo(String.valueOf(project))))).size();
    }

    @Test
    void a_hundred_deliveries_for_one_project_within_a_second_cost_one_reconcile() throws Exception {
        studio();
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) assertEquals(200, deliver(httpPort, assignmentChange(155, EVENT_IDS.incrementAndGet())).statusCode());
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "the burst took over a second");

        awaitReconciles(1);
        Thread.sleep(1500);
        int reconciles = shotReads(155);
        assertTrue(reconciles >= 1 && reconciles <= 2, "reconciles: " + reconciles);
    }

    @Test
    void deliveries_for_three_projects_make_three_reconciles() throws Exception {
        studio();
        for (int i = 0; i < 30; i++) deliver(httpPort, assignmentChange(155 + i % 3, EVENT_IDS.incrementAndGet()));

        awaitReconciles(3);
        Thread.sleep(1500);
        assertEquals(List.of(1, 1, 1), List.of(shotReads(155), shotReads(156), shotReads(157)));
    }

    @Test
    void webhooks_are_answered_within_500_ms_while_shotgrid_and_resilio_take_10_seconds() throws Exception {
        studio();
        shotgridServer.stubFor(post(urlMatching("/api/v1/.*")).willReturn(okJson("{\"data\": []}").withFixedDelay(10_000)));
        resilioServer.stubFor(get(urlMatching("/api/v2/.*")).willReturn(okJson("[]").withFixedDelay(10_000)));

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t = System.nanoTime();
            HttpResponse<String> answer = deliver(httpPort, assignmentChange(155 + i % 2, EVENT_IDS.incrementAndGet()));
            millis.add((System.nanoTime() - t) / 1_000_000);
            assertEquals(200, answer.statusCode());
            Thread.sleep(50);
        }
        assertEquals(0, runs().ended(), "no reconcile can have ended while ShotGrid takes 10 s");
        assertTrue(Collections.max(millis) < 500, "slowest answer " + Collections.max(millis) + " ms: " + millis);
        await().atMost(Duration.ofSeconds(15)).until(() -> shotgridServer.getAllServeEvents().size() > 0);   // one was running
    }

    @Test
    void triggers_during_a_reconcile_lead_to_exactly_one_more_reconcile() throws Exception {
        studio();
        shotgridServer.stubFor(post("/api/v1/entity/shots/_search").willReturn(okJson("{\"data\": []}").withFixedDelay(3000)));

        deliver(httpPort, assignmentChange(155, EVENT_IDS.incrementAndGet()));
        await().atMost(Duration.ofSeconds(5)).until(() -> shotReads(155) == 1);     // the first reconcile is reading
        for (int i = 0; i < 4; i++) {                                                 // four debounce windows while it runs
            deliver(httpPort, assignmentChange(155, EVENT_IDS.incrementAndGet()));
            Thread.sleep(650);
        }

        awaitReconciles(2);
        Thread.sleep(4000);
        assertEquals(2, shotReads(155));
    }
}
