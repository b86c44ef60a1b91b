package com.srsync.routefiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StopOrderTest {
    private static StopOrder.Route route(String id, String from, String definition) {
        return new StopOrder.Route(id, from, definition);
    }

    @Test
    void a_caller_stops_before_the_route_it_sends_to_whatever_their_order() {
        List<StopOrder.Route> routes = List.of(
                route("intake", "direct:intake", "Route(intake)[From[direct:intake] -> [to[seda:events?blockWhenFull=false]]]"),
                route("web", "platform-http:/hooks", "Route(web)[From[platform-http:/hooks] -> [To[direct:intake]]]"),
                route("call", "direct:call", "Route(call)[From[direct:call] -> [To[http:x]]]"),
                route("create", "direct:create", "Route(create)[From[direct:create] -> [Enrich[constant{direct:call}]]]"));

        assertEquals(List.of("web", "intake", "create", "call"), StopOrder.callersFirst(routes));
    }

    @Test
    void a_name_that_only_starts_like_another_is_no_call() {
        List<StopOrder.Route> routes = List.of(
                route("jobs", "direct:jobs", "Route(jobs)[From[direct:jobs] -> [To[http:x]]]"),
                route("recent", "direct:jobs-recent", "Route(recent)[From[direct:jobs-recent] -> [To[direct:jobs-recent-x]]]"),
                route("caller", "timer:t", "Route(caller)[From[timer:t] -> [To[direct:jobs-recent]]]"));

        assertEquals(List.of("jobs", "caller", "recent"), StopOrder.callersFirst(routes));
    }

    @Test
    void routes_that_call_each_other_stop_last_given_first() {
        List<StopOrder.Route> routes = List.of(
                route("a", "direct:a", "Route(a)[From[direct:a] -> [To[direct:b]]]"),
                route("b", "direct:b", "Route(b)[From[direct:b] -> [To[direct:a]]]"));

        assertEquals(List.of("b", "a"), StopOrder.callersFirst(routes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "webhooks.yaml, webhook-shotgrid, webhook-intake",
        "resilio.yaml,  resilio-create,   resilio-call",
        "resilio.yaml,  resilio-jobs-recent, resilio-jobs",
        "shotgrid.yaml, shotgrid-snapshot, shotgrid-search",
        "shotgrid.yaml, shotgrid-search,  shotgrid-call",
    })
    void in_the_shipped_files_each_caller_stops_before_its_callee(String file, String caller, String callee) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Path path = Path.of("routes", file);
            List<StopOrder.Route> routes = new ArrayList<>();
            for (RouteDefinition d : new RouteFileParser(context).parse(path, Files.readString(path)).routes()) {
                routes.add(new StopOrder.Route(d.getRouteId(), d.getInput().getEndpointUri(), d.toString()));
            }
            List<String> order = StopOrder.callersFirst(routes);

            assertTrue(order.indexOf(caller) < order.indexOf(callee), order.toString());
        }
    }
}
