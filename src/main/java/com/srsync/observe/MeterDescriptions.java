package com.srsync.observe;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Map;

/**
 * A HELP text for Camel's meters: Camel registers some (its route event gauges) without one, and Prometheus' own lint
 * ({@code promtool check metrics}) refuses a metric that has none. The service's own meters are left as they are: each
 * must bring its own, and the lint of a real scrape (MetricsLintTest) fails on one that does not.
 */
public final class MeterDescriptions implements MeterFilter {
    private static final Map<String, String> CAMEL = Map.of(
            "camel.routes.added", "Routes Apache Camel has added (the route files' routes)",
            "camel.routes.running", "Routes Apache Camel runs now",
            "camel.routes.reloaded", "Routes Apache Camel has reloaded (edits of the route files taken live)");

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("camel.") || id.getDescription() != null && !id.getDescription().isBlank()) return id;
        String description = CAMEL.getOrDefault(id.getName(), "Apache Camel: " + id.getName().replace('.', ' '));
        return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
    }
}
