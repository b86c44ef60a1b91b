package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * With the delivery poll off (DELIVERY_POLL_INTERVAL_MS=0, as this test support sets it) there is no delivery state: no
 * srsync_delivery_* gauge claims "0 machines offline" or "never read" (which would keep SrsyncDeliveryStateNeverRead firing).
 */
class DeliveryGaugesOffTest extends ServiceTestSupport {
    @Test
    void no_delivery_gauge_is_served_while_the_delivery_poll_is_off() throws Exception {
        HttpResponse<String> scrape = admin("GET", "/observe/metrics", ADMIN_TOKEN);

        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.body().contains("srsync_leader "), "the leader's other gauges are there");
        assertFalse(scrape.body().contains("srsync_delivery_"), scrape.body().lines().filter(l -> l.contains("srsync_delivery_")).toList().toString());
    }
}
