package com.srsync.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.junit.jupiter.api.Test;

/** Whatever a check says, the health page is valid JSON and says it exactly. */
class HealthReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NASTY = "quote \" backslash \\ slash / tab \t newline \n bell \u0007 </script> {\"a\": [1]} ünï 日本";

    static final class Saying extends AbstractHealthCheck {
        Saying() {
            super("srsync", "nasty");
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.down().message(NASTY).error(new IllegalStateException("wrapped", new java.io.IOException(NASTY)));
        }
    }

    @Test
    void any_message_is_valid_json_and_read_back_exactly() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            HealthCheckRegistry.get(context).register(new Saying());
            HealthReport report = new HealthReport(context, "Bearer admin"::equals, MAPPER);

            HealthReport.Answer answer = report.answer("/observe/health/ready", "Bearer admin");
            assertEquals(503, answer.status());
            JsonNode check = null;
            for (JsonNode c : MAPPER.readTree(answer.json()).path("checks")) if (c.path("name").asText().equals("nasty")) check = c;
            assertEquals(NASTY, check.path("message").asText());
            assertEquals("wrapped; " + NASTY, check.path("error").asText());

            HealthReport.Answer anyone = report.answer("/observe/health/ready", null);
            assertEquals("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"nasty\",\"status\":\"DOWN\"}]}",
                    MAPPER.writeValueAsString(filtered(anyone.json())));
        }
    }

    private static JsonNode filtered(String json) throws Exception {
        JsonNode root = MAPPER.readTree(json);
        var checks = MAPPER.createArrayNode();
        for (JsonNode c : root.path("checks")) if (c.path("name").asText().equals("nasty")) checks.add(c);
        return MAPPER.createObjectNode().put("status", root.path("status").asText()).set("checks", checks);
    }
}
