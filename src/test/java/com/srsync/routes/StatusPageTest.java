package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** GET /ui serves the page from the jar and no secret; POST /ui/ami only redirects. */
class StatusPageTest extends ServiceTestSupport {
    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_page_and_its_files_come_from_the_jar_with_no_secret_and_nothing_from_elsewhere() throws Exception {
        HttpResponse<String> page = get("/ui");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertTrue(page.body().contains("<script src=\"/ui/status.js\"></script>"));
        assertFalse(page.body().matches("(?s).*(src|href)=\"https?://.*"), "nothing from a CDN");
        for (String file : new String[] {"/ui/status.js", "/ui/status.css"}) assertEquals(200, get(file).statusCode(), file);
        assertEquals(404, get("/ui/../config/artists.yaml").statusCode());
        assertEquals(404, get("/ui/other.js").statusCode());
        String all = page.body() + get("/ui/status.js").body();
        for (String secret : new String[] {ADMIN_TOKEN, WebhookSupport.SECRET, "sg-api-key-secret", com.srsync.stubs.ResilioConsole.TOKEN}) {
            assertFalse(all.contains(secret), secret);
        }
    }

    @Test
    void shotgrids_action_menu_post_redirects_to_the_project_and_does_nothing_else() throws Exception {
        HttpResponse<String> ami = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/ui/ami"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("entity_type=Shot&selected_ids=1213%2C1214&project_id=155&user_login=atrial"
                        + "&title=%3Cscript%3E")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, ami.statusCode());
        assertEquals("/ui?project=155&shots=1213,1214", ami.headers().firstValue("Location").orElse(""));
        shotgridServer.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        resilioServer.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
