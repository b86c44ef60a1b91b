package com.srsync.observe;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;

/**
 * Prometheus' naming, with every label name in snake_case: Camel's route meters carry {@code routeId},
 * {@code camelContext} and the like, which Prometheus' own lint ({@code promtool check metrics}) refuses. Metric names
 * are left to the registry's convention.
 */
public final class SnakeCaseLabels implements NamingConvention {
    private final NamingConvention delegate;

    public SnakeCaseLabels(NamingConvention delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name(String name, Meter.Type type, String baseUnit) {
        return delegate.name(name, type, baseUnit);
    }

    @Override
    public String tagKey(String key) {
        return delegate.tagKey(snake(key));
    }

    @Override
    public String tagValue(String value) {
        return delegate.tagValue(value);
    }

    /** {@code routeId} is {@code route_id}; a key without capitals stays as it is. */
    static String snake(String key) {
        StringBuilder out = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && key.charAt(i - 1) != '_' && key.charAt(i - 1) != '.') out.append('_');
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
