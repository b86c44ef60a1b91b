package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.routes.WebhookSupport.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A project that never goes quiet is still reconciled at least every SYNC_MAX_DELAY_MS. */
class MaxDelayTest extends ServiceTestSupport {
    static final long MAX_DELAY_MS = 5000;

    @Override
    void moreProperties(Properties p) {
        p.put("sync.debounce.ms", "2000");
        p.put("sync.max.delay.ms", String.valueOf(MAX_DELAY_MS));
    }

    @Test
    void a_delivery_every_200_ms_for_30_s_still_reconciles_at_least_every_max_delay() throws Exception {
        site.project(155, "TST").project(156, "OTH").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
        deliver(httpPort, assignmentChange(156, 1_999_999));   // warm up: the first request and reconcile load classes
        awaitReconciles(1);
        shotgridServer.resetRequests();

        long start = System.currentTimeMillis();
        long eventId = 2_000_000;
        while (System.currentTimeMillis() - start < 30_000) {
            deliver(httpPort, assignmentChange(155, eventId++));
            Thread.sleep(200);
        }
        long end = System.currentTimeMillis();

        // a reconcile starts with its first read: the site's projects
        List<Long> reconciles = shotgridServer.findAll(postRequestedFor(urlEqualTo("/api/v1/entity/projects/_search"))
                        .withRequestBody(matchingJsonPath("$.options.return_only", equalTo("active")))).stream()
                .map(LoggedRequest::getLoggedDate).map(java.util.Date::getTime).sorted(Comparator.naturalOrder()).toList();
        assertTrue(reconciles.size() >= 5, "only " + reconciles.size() + " reconciles in 30 s");
        long previous = start;
        for (long at : reconciles) {
            assertTrue(at - previous <= MAX_DELAY_MS + 500, "a gap of " + (at - previous) + " ms between reconciles: "
                    + reconciles.stream().map(t -> t - start).toList());
            previous = at;
        }
        assertTrue(end - previous <= MAX_DELAY_MS + 500, "no reconcile in the last " + (end - previous) + " ms");
    }
}
