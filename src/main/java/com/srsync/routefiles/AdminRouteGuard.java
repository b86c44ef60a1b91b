package com.srsync.routefiles;

import com.srsync.config.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteBuilderLifecycleStrategy;
import org.apache.camel.model.RouteDefinition;

/**
 * Every route served under {@code /admin} must pass the admin guard: it names the route configuration
 * {@value #CONFIGURATION} (errors.yaml), whose {@code interceptFrom} checks the token and the lead before the
 * route's first step and whose {@code onException} answers a refusal. A route that does not - an
 * integrator's, with no {@code routeConfigurationId} or only one of their own - is refused at load, with
 * why: at start-up the service does not start (exit 2); a live edit is refused and the file's last good
 * version keeps running ({@link RouteFileParser}). Camel weaves a route's configurations in while it reads
 * the file, so the guard cannot be added afterwards: refusing is the one safe answer.
 */
public final class AdminRouteGuard implements RouteBuilderLifecycleStrategy {
    /** The route configuration of errors.yaml that guards the admin paths. */
    public static final String CONFIGURATION = "admin-errors";

    /** Camel Main's start-up load: a route file with an unguarded admin route stops the start. */
    @Override
    public void afterConfigure(RouteBuilder builder) {
        for (RouteDefinition route : builder.getRouteCollection().getRoutes()) {
            String problem = problem(route);
            if (problem != null) {
                String file = route.getResource() != null ? route.getResource().getLocation().replaceFirst("^file:", "") : "a route file";
                throw new ConfigException(file + ": " + problem);
            }
        }
    }

    /** Why {@code route} may not run, or null: it serves an /admin path without {@value #CONFIGURATION}. */
    public static String problem(RouteDefinition route) {
        String path = route.getInput() == null ? null : adminPath(route.getInput().getEndpointUri());
        if (path == null) return null;
        String ids = route.getRouteConfigurationId();
        if (ids != null && Arrays.stream(ids.split(",")).map(String::trim).anyMatch(CONFIGURATION::equals)) return null;
        return "route '" + route.getRouteId() + "' serves " + path + " without the admin guard: add "
                + "routeConfigurationId: " + CONFIGURATION + (ids == null || ids.isBlank() ? "" : "," + ids.trim())
                + " (every /admin path checks ADMIN_TOKEN and the lead before its first step)";
    }

    /** The path of {@code platform-http:/admin} or anything below it; null for any other endpoint. */
    static String adminPath(String uri) {
        if (uri == null || !uri.toLowerCase(Locale.ROOT).startsWith("platform-http:")) return null;
        String path = uri.substring("platform-http:".length()).replaceFirst("^/+", "");
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals("admin") || lower.startsWith("admin/") ? "/" + path : null;
    }
}
