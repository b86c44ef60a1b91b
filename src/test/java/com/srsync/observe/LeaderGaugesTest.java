package com.srsync.observe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** The leader's gauges are served while this replica leads and absent while it does not; the others always, with HELP text. */
class LeaderGaugesTest {
    @Test
    void a_leader_gauge_is_absent_on_a_standby_and_back_when_it_leads_again() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SyncMetrics metrics = new SyncMetrics(() -> registry);
        metrics.gauge("srsync.dead.letters", "Writes that still failed", () -> 2);
        metrics.leaderGauge("srsync.delivery.agents.offline", "Agents offline", () -> 1);
        metrics.leading(true);
        metrics.start();
        assertTrue(metrics.scrape().contains("srsync_delivery_agents_offline 1.0"), metrics.scrape());
        assertTrue(metrics.scrape().contains("# HELP srsync_dead_letters Writes that still failed"), metrics.scrape());

        metrics.leading(false);
        assertFalse(metrics.scrape().contains("srsync_delivery_agents_offline"), metrics.scrape());
        assertTrue(metrics.scrape().contains("srsync_dead_letters 2.0"), "its own figures stay");

        metrics.leading(true);
        assertTrue(metrics.scrape().contains("srsync_delivery_agents_offline 1.0"), metrics.scrape());
    }
}
