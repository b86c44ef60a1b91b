package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;

/**
 * No answer of the public port carries a header because the request sent it, as a header or as a query
 * parameter: the test walks every platform-http route with each method it takes, plus a path nobody
 * serves, with no token, a wrong one and the right one, and signed and unsigned webhook deliveries.
 */
class NothingReflectedTest extends ServiceTestSupport {
    /** Names a stranger sends; none may come back. */
    private static final List<String> SENT = List.of("Refresh", "Set-Cookie", "X-Reflected-Probe", "Access-Control-Allow-Origin", "Link");
    private static final String QUERY = "?project=155&ids=1&Refresh=0;url=https://evil.example&Set-Cookie=s%3D1"
            + "&X-Reflected-Probe=1&Access-Control-Allow-Origin=*&Link=%3Chttps://evil.example%3E";

    @Override
    void moreProperties(java.util.Properties p) {
        p.put("camel.main.routes-include-pattern", "file:routes/*.yaml,classpath:routes-extra/admin-added.yaml");
    }

    /** "GET /admin/plan", ... for every platform-http route, each method it takes. */
    private List<String> calls() {
        List<String> calls = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri();
            if (!uri.startsWith("platform-http:")) continue;
            String rest = uri.substring("platform-http:".length()).replaceFirst("^/+", "/");
            String path = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
            String query = rest.contains("?") ? URLDecoder.decode(rest.substring(rest.indexOf('?') + 1), StandardCharsets.UTF_8) : "";
            String methods = "GET,POST,PUT,DELETE";
            for (String param : query.split("&")) if (param.startsWith("httpMethodRestrict=")) methods = param.substring(19);
            for (String method : methods.split(",")) calls.add(method.trim() + " " + path);
        }
        calls.add("GET /no/such/path");
        calls.add("DELETE /webhooks/shotgrid");       // a method the route does not take
        return calls;
    }

    private HttpResponse<String> call(String methodAndPath, String bearer, byte[] body, String signature) throws Exception {
        String[] parts = methodAndPath.split(" ");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + parts[1] + QUERY))
                .timeout(Duration.ofSeconds(20))
                .method(parts[0], body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : SENT) request.header(name, "probe");
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        if (signature != null) request.header("x-sg-signature", signature);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNothingReflected(String what, HttpResponse<String> answer) {
        Set<String> names = answer.headers().map().keySet();
        for (String sent : SENT) {
            assertTrue(names.stream().noneMatch(n -> n.equalsIgnoreCase(sent)),
                    what + " answered " + answer.statusCode() + " with the sent header " + sent + ": " + answer.headers().map());
        }
        for (String name : names) {
            assertTrue(!name.toLowerCase(Locale.ROOT).startsWith("camel"), what + " leaked " + name);
        }
    }

    @Test
    void no_answer_on_any_path_carries_a_header_the_request_sent() throws Exception {
        site.project(155, "TST").install();
        console.install();
        List<String> calls = calls();
        assertTrue(calls.size() >= 20 && calls.contains("GET /admin/added") && calls.contains("POST /webhooks/shotgrid")
                && calls.contains("GET /observe/metrics") && calls.contains("GET /ui"), "calls found: " + calls);
        for (String c : calls) {
            for (String token : new String[] {null, "a-wrong-token-for-sure", ADMIN_TOKEN}) {
                assertNothingReflected(c + " token " + token, call(c, token, null, null));
            }
        }
    }

    @Test
    void webhook_answers_of_every_kind_carry_no_sent_header() throws Exception {
        byte[] delivery = WebhookSupport.assignmentChange(155, 90_001);
        for (String path : new String[] {"/webhooks/shotgrid", "/shot_status_webhook", "/assignment_webhook"}) {
            HttpResponse<String> signed = call("POST " + path, null, delivery, WebhookSupport.sign(delivery, WebhookSupport.SECRET));
            assertEquals(200, signed.statusCode(), signed.body());
            assertNothingReflected(path + " signed", signed);
            HttpResponse<String> unsigned = call("POST " + path, null, delivery, null);
            assertEquals(401, unsigned.statusCode());
            assertNothingReflected(path + " unsigned", unsigned);
            byte[] junk = "not json".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> malformed = call("POST " + path, null, junk, WebhookSupport.sign(junk, WebhookSupport.SECRET));
            assertEquals(400, malformed.statusCode());
            assertNothingReflected(path + " not a delivery", malformed);
        }
    }

    @Test
    void the_answers_the_service_sets_itself_still_go_out() throws Exception {
        HttpResponse<String> refused = call("GET /admin/plan", null, null, null);
        assertEquals(401, refused.statusCode());
        assertEquals("Bearer", refused.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("no-store", refused.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        HttpResponse<String> page = call("GET /ui", null, null, null);
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent(), page.headers().map().toString());
    }
}
