package com.srsync.observe;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * {@code GET /observe/metrics} on the public port ({@code routes/observe.yaml}, behind the admin token): the
 * Prometheus text of the registry camel-micrometer-prometheus keeps. With MANAGEMENT_PORT set, Camel's own
 * endpoint serves it there instead.
 */
public final class MetricsText {
    private final Supplier<PrometheusMeterRegistry> registry;

    public MetricsText(Supplier<PrometheusMeterRegistry> registry) {
        this.registry = registry;
    }

    public String scrape() {
        PrometheusMeterRegistry r = registry.get();
        if (r == null) throw new IllegalStateException("the metrics registry is not started yet");
        return r.scrape();
    }
}
