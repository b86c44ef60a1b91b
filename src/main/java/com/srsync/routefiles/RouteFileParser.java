package com.srsync.routefiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Reads a route file's text into route and route-configuration definitions with Camel's own loader
 * (the YAML DSL), without adding anything to the context. Every call gives fresh definitions, so one
 * text can be checked as a candidate and then added for real. Each route must have an id: a reload
 * replaces routes by id, and a route without one could never be replaced or removed.
 */
public final class RouteFileParser {
    private final CamelContext context;

    public RouteFileParser(CamelContext context) {
        this.context = context;
    }

    /** @throws Exception with the loader's reason (YAML error with line, unknown step, ...) */
    public ParsedRouteFile parse(Path file, String text) throws Exception {
        String name = file.getFileName().toString();
        List<RouteDefinition> routes = new ArrayList<>();
        List<RouteConfigurationDefinition> configurations = new ArrayList<>();
        for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context)
                .findRoutesBuilders(ResourceHelper.fromString("file:" + file, text))) {
            if (!(builder instanceof RouteBuilder routeBuilder)) {
                throw new IllegalArgumentException(name + " holds something other than routes and route configurations");
            }
            routeBuilder.setCamelContext(context);
            if (routeBuilder instanceof RouteConfigurationBuilder withConfigurations) {
                withConfigurations.configuration();                     // first, as Camel does: route configurations
                configurations.addAll(withConfigurations.getRouteConfigurationCollection().getRouteConfigurations());
            }
            routes.addAll(routeBuilder.configureRoutes(context).getRoutes());
        }
        for (RouteDefinition route : routes) {
            if (route.getRouteId() == null || route.getRouteId().isBlank()) {
                throw new IllegalArgumentException("a route from " + route.getInput().getEndpointUri() + " has no id: give every route an id");
            }
            String unguarded = AdminRouteGuard.problem(route);
            if (unguarded != null) throw new IllegalArgumentException(unguarded);
        }
        return new ParsedRouteFile(name, routes, configurations);
    }
}
