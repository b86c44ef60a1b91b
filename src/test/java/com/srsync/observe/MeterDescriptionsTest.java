package com.srsync.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;

/** Camel's meters get a HELP text when they come without one; the service's own are never given an invented one. */
class MeterDescriptionsTest {
    private static Meter.Id id(String name, String description) {
        return new Meter.Id(name, Tags.of("routeId", "r"), null, description, Meter.Type.GAUGE);
    }

    @Test
    void a_camel_meter_without_help_gets_one_and_keeps_its_labels() {
        Meter.Id mapped = new MeterDescriptions().map(id("camel.routes.running", null));
        assertEquals("Routes Apache Camel runs now", mapped.getDescription());
        assertEquals("r", mapped.getTag("routeId"));
        assertEquals("Apache Camel: camel exchanges inflight", new MeterDescriptions().map(id("camel.exchanges.inflight", "")).getDescription());
    }

    @Test
    void the_services_own_meter_without_help_stays_without_so_the_lint_names_it() {
        assertNull(new MeterDescriptions().map(id("srsync.some.gauge", null)).getDescription());
        assertEquals("its own", new MeterDescriptions().map(id("camel.routes.running", "its own")).getDescription());
    }
}
