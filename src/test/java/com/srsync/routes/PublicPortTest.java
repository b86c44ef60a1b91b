package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The public port shows status only: metrics and the replica's name need the admin token; no answer is kept by a cache. */
class PublicPortTest extends ServiceTestSupport {
    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path));
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metrics_need_the_admin_token() throws Exception {
        assertEquals(401, get("/observe/metrics", null).statusCode());
        assertEquals(401, get("/observe/metrics", "a-wrong-token-for-sure").statusCode());
        HttpResponse<String> scrape = get("/observe/metrics", ADMIN_TOKEN);
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.body().contains("srsync_reconcile_running"), scrape.body());
        assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), scrape.headers().map().toString());
    }

    @Test
    void the_leader_answer_names_the_replica_only_to_the_admin() throws Exception {
        HttpResponse<String> anyone = get("/observe/leader", null);
        assertEquals(200, anyone.statusCode());
        assertEquals("{\"leader\":true,\"election\":\"none\"}", anyone.body());
        assertTrue(get("/observe/leader", ADMIN_TOKEN).body().contains("\"replica\":"));
    }

    @Test
    void admin_observe_and_page_answers_are_never_stored() throws Exception {
        for (String path : new String[] {"/observe/leader", "/observe/health", "/admin/runs", "/ui", "/ui/status.js"}) {
            HttpResponse<String> answer = get(path, ADMIN_TOKEN);
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""), path);
        }
    }

    @Test
    void the_page_may_be_framed_by_the_configured_shotgrid_site_only() throws Exception {
        HttpResponse<String> page = get("/ui", null);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.endsWith("frame-ancestors 'self' " + shotgridServer.baseUrl()), policy);
        assertTrue(!policy.contains("*."), policy);
    }
}
