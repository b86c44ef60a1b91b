package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public port's health page: status for anyone, what each check says only with the admin token (JSON: see HealthReportTest). */
class HealthExposureTest extends ServiceTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** An upstream error body holding what breaks hand-made JSON, and a path that is nobody's business. */
    private static final String NASTY = "{\"errors\": [{\"title\": \"quote \\\" backslash \\\\ tab\\t </script> /srv/srsync/data\"}]}";

    @BeforeEach
    void shotgridFailsWithANastyBody() {
        site.project(155, "TST").install();
        console.install();
        shotgridServer.stubFor(post(urlPathMatching("/api/v1/entity/.*/_search")).willReturn(aResponse().withStatus(503).withBody(NASTY)));
        reconcile(155L);
    }

    @Test
    void anyone_sees_the_status_of_each_check_and_nothing_it_says() throws Exception {
        for (String query : List.of("", "?stackTrace=true&data=true&exposureLevel=full")) {
            for (String token : new String[] {null, "wrong-token-of-some-length"}) {
                HttpResponse<String> answer = admin("GET", "/observe/health" + query, token);
                assertEquals(503, answer.statusCode());
                JsonNode health = MAPPER.readTree(answer.body());
                assertEquals("DOWN", health.path("status").asText());
                assertEquals(Set.of("status", "checks"), names(health));
                for (JsonNode check : health.path("checks")) assertEquals(Set.of("name", "status"), names(check), answer.body());
                assertTrue(answer.body().contains("{\"name\":\"shotgrid\",\"status\":\"DOWN\"}"), answer.body());
                assertFalse(answer.body().contains("_search") || answer.body().contains("/srv/srsync") || answer.body().contains("Exception"),
                        answer.body());
            }
        }
    }

    @Test
    void the_admin_token_shows_what_each_check_says() throws Exception {
        HttpResponse<String> answer = admin("GET", "/observe/health?stackTrace=true", ADMIN_TOKEN);
        assertEquals(503, answer.statusCode());
        JsonNode shotgrid = null;
        for (JsonNode check : MAPPER.readTree(answer.body()).path("checks")) {
            if (check.path("name").asText().equals("shotgrid")) shotgrid = check;
        }
        assertTrue(shotgrid != null, answer.body());
        assertTrue(shotgrid.path("message").asText().matches("ShotGrid: POST /entity/\\w+/_search answered 503"), shotgrid.path("message").asText());
        assertFalse(answer.body().contains("\tat ") || answer.body().contains("stacktrace"), answer.body());
    }

    @Test
    void liveness_and_readiness_answer_in_the_same_form_and_other_paths_are_not_found() throws Exception {
        assertEquals(200, admin("GET", "/observe/health/live", null).statusCode());
        HttpResponse<String> ready = admin("GET", "/observe/health/ready", null);
        assertEquals(503, ready.statusCode());
        assertEquals("DOWN", MAPPER.readTree(ready.body()).path("status").asText());
        HttpResponse<String> other = admin("GET", "/observe/health/anything", null);
        assertEquals(404, other.statusCode());
        MAPPER.readTree(other.body());
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
