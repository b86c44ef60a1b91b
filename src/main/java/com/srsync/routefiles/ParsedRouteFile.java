package com.srsync.routefiles;

import java.util.List;
import java.util.Objects;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;

/** What one route file defines: fresh definitions, not yet added to any context. */
public record ParsedRouteFile(String name, List<RouteDefinition> routes, List<RouteConfigurationDefinition> configurations) {
    public ParsedRouteFile {
        routes = List.copyOf(routes);
        configurations = List.copyOf(configurations);
    }

    public List<String> routeIds() {
        return routes.stream().map(RouteDefinition::getRouteId).toList();
    }

    /** The ids of its route configurations (null for one without an id, which applies to every route). */
    public List<String> configurationIds() {
        return configurations.stream().map(RouteConfigurationDefinition::getId).toList();
    }

    /** Whether this file's route uses one of {@code configurationIds} (any, when one of them is null: a configuration for all routes). */
    static boolean uses(RouteDefinition route, List<String> configurationIds) {
        if (configurationIds.stream().anyMatch(Objects::isNull)) return true;
        String wanted = route.getRouteConfigurationId();
        if (wanted == null) return false;
        for (String part : wanted.split(",")) {
            if (configurationIds.contains(part.trim())) return true;
        }
        return false;
    }
}
