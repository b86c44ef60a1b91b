package com.srsync.routefiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The order in which to stop a set of routes: each route that sends to another of the set (a
 * {@code to:} or {@code enrich:} naming its {@code direct:} or {@code seda:} endpoint) stops before
 * it. A route's graceful stop waits for its in-flight work; stopped while its callers still ran, it
 * kept being sent new work, and the stop waited until the load ended. Routes that call each other
 * in a loop stop in the reverse of their given order.
 */
final class StopOrder {
    /** A route as the ordering needs it: its input endpoint and its definition as text, which names where it sends. */
    record Route(String id, String from, String definition) {}

    private StopOrder() {}

    static List<String> callersFirst(List<Route> routes) {
        Map<String, Route> left = new LinkedHashMap<>();
        routes.forEach(r -> left.put(r.id(), r));
        List<String> order = new ArrayList<>();
        while (!left.isEmpty()) {
            Route next = left.values().stream().filter(r -> left.values().stream().noneMatch(o -> o != r && sendsTo(o, r)))
                    .findFirst().orElse(last(left));
            order.add(next.id());
            left.remove(next.id());
        }
        return order;
    }

    private static boolean sendsTo(Route caller, Route callee) {
        if (callee.from() == null || !(callee.from().startsWith("direct:") || callee.from().startsWith("seda:"))) return false;
        String endpoint = callee.from().replaceFirst("^(direct|seda):(//)?", "$1:").replaceFirst("\\?.*", "");
        return Pattern.compile(Pattern.quote(endpoint) + "(?![\\w.-])").matcher(caller.definition().replace("://", ":")).find();
    }

    private static Route last(Map<String, Route> left) {
        Route last = null;
        for (Route r : left.values()) last = r;
        return last;
    }
}
