package com.srsync.app;

import java.beans.Introspector;
import org.apache.camel.spi.Registry;

/**
 * The registry, binding each bean under its class's name in lower camel case ({@code ref: jobJson} in a route
 * is a {@code JobJson}), so a {@code ref:} greps to its class. Library objects are bound under the name of
 * their purpose ({@code resilioTls}).
 */
final class Beans {
    private final Registry registry;

    Beans(Registry registry) {
        this.registry = registry;
    }

    <T> T bind(T bean) {
        return bind(Introspector.decapitalize(bean.getClass().getSimpleName()), bean);
    }

    <T> T bind(String name, T bean) {
        registry.bind(name, bean);
        return bean;
    }

    <T> T get(Class<T> type) {
        return registry.lookupByNameAndType(Introspector.decapitalize(type.getSimpleName()), type);
    }

    <T> T get(String name, Class<T> type) {
        return registry.lookupByNameAndType(name, type);
    }
}
