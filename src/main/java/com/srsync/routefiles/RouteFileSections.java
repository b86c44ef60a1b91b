package com.srsync.routefiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Each route and route configuration of a route file as written, by id, to tell which of them an edit
 * changed: a route whose text is the same in both versions, and which uses no route configuration that
 * changed, keeps running through a reload. A webhook path's route - a platform-http consumer that sends
 * on to {@code direct:webhook-intake} - thus stays routed while webhooks.yaml or errors.yaml is swapped,
 * and a request arriving meanwhile waits on the direct endpoint for the new intake instead of being
 * turned away.
 */
final class RouteFileSections {
    private final Map<String, Object> routes;
    private final Map<String, Object> configurations;

    private RouteFileSections(Map<String, Object> routes, Map<String, Object> configurations) {
        this.routes = routes;
        this.configurations = configurations;
    }

    /** The sections of a file's text (which parsed already: the reloader reads it with Camel's loader first). */
    @SuppressWarnings("unchecked")
    static RouteFileSections of(String text) {
        Map<String, Object> routes = new HashMap<>();
        Map<String, Object> configurations = new HashMap<>();
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (doc instanceof List<?> items) {
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> entry)) continue;
                Object route = entry.get("route");
                Object configuration = entry.get("routeConfiguration");
                if (route instanceof Map<?, ?> r && r.get("id") != null) routes.put(String.valueOf(r.get("id")), r);
                if (configuration instanceof Map<?, ?> c) configurations.put(c.get("id") == null ? null : String.valueOf(c.get("id")), c);
            }
        }
        return new RouteFileSections(routes, configurations);
    }

    /** The ids of the routes written the same in both versions. */
    Set<String> sameRoutes(RouteFileSections next) {
        Set<String> same = new TreeSet<>();
        routes.forEach((id, r) -> {
            if (Objects.equals(r, next.routes.get(id))) same.add(id);
        });
        return same;
    }

    /** The ids of the route configurations added, removed or changed between the two versions (null: one without an id). */
    List<String> changedConfigurations(RouteFileSections next) {
        Set<String> all = new HashSet<>(configurations.keySet());
        all.addAll(next.configurations.keySet());
        List<String> changed = new ArrayList<>();
        for (String id : all) {
            if (!Objects.equals(configurations.get(id), next.configurations.get(id))) changed.add(id);
        }
        return changed;
    }
}
