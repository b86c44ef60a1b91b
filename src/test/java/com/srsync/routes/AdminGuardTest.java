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
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;

/**
 * One guard for every admin path: the test walks each route served under /admin, with each method it
 * takes, without a token and with a wrong one - a new admin route that missed the guard fails here.
 */
class AdminGuardTest extends ServiceTestSupport {
    @Override
    void moreProperties(java.util.Properties p) {
        p.put("camel.main.routes-include-pattern", "file:routes/*.yaml,classpath:routes-extra/admin-added.yaml");
    }

    /** "GET /admin/plan", ... for every platform-http route under /admin. */
    private List<String> adminCalls() {
        List<String> calls = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri();
            if (!uri.startsWith("platform-http:")) continue;
            String rest = uri.substring("platform-http:".length()).replaceFirst("^/+", "/");
            String path = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
            if (!path.startsWith("/admin")) continue;
            String query = rest.contains("?") ? URLDecoder.decode(rest.substring(rest.indexOf('?') + 1), StandardCharsets.UTF_8) : "";
            String methods = "GET,POST,PUT,DELETE";
            for (String param : query.split("&")) if (param.startsWith("httpMethodRestrict=")) methods = param.substring(19);
            for (String method : methods.split(",")) calls.add(method.trim() + " " + path);
        }
        return calls;
    }

    private HttpResponse<String> call(String methodAndPath, String bearer) throws Exception {
        String[] parts = methodAndPath.split(" ");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + parts[1] + "?project=155&ids=1"))
                .timeout(Duration.ofSeconds(20)).method(parts[0], HttpRequest.BodyPublishers.noBody());
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_admin_path_refuses_a_request_without_the_token_or_with_a_wrong_one() throws Exception {
        List<String> calls = adminCalls();
        assertTrue(calls.size() >= 9 && calls.contains("GET /admin/added"), "admin calls found: " + calls);
        for (String c : calls) {
            HttpResponse<String> none = call(c, null);
            assertEquals(401, none.statusCode(), c + " without a token: " + none.body());
            assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""), c);
            HttpResponse<String> wrong = call(c, "not-the-admin-token-at-all");
            assertEquals(401, wrong.statusCode(), c + " with a wrong token: " + wrong.body());
        }
    }

    @Test
    void an_added_admin_route_that_checks_nothing_itself_is_guarded_all_the_same() throws Exception {
        HttpResponse<String> none = call("GET /admin/added", null);
        assertEquals(401, none.statusCode());
        assertTrue(!none.body().contains("secret"), none.body());
        HttpResponse<String> admin = call("GET /admin/added", ADMIN_TOKEN);
        assertEquals(200, admin.statusCode());
        assertEquals("no-store", none.headers().firstValue("Cache-Control").orElse(""), "a refusal is not kept either");
    }

    @Test
    void the_status_page_itself_needs_no_token() throws Exception {
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/ui")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
