package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The routes every webhook delivery passes through evaluate nothing that makes Camel copy the
 * exchange: no {@code method:} expression and no dotted simple expression such as
 * {@code ${variable.receipt.events}} (both go through the bean language, which copies the whole
 * exchange each time). Java runs there as {@code bean:} steps that take whole variables.
 */
class HotPathRoutesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** variable, header or property access followed by a method or property path, or any path on the body */
    private static final Pattern DOTTED = Pattern.compile(
            "\\$\\{(?:(?:variable|header|exchangeProperty)\\.[\\w-]+[.\\[(]|body[.\\[])");
    private static final Map<String, List<String>> HOT_ROUTES = Map.of(
            "webhooks.yaml", List.of("webhook-intake", "webhook-shotgrid", "webhook-shot-status", "webhook-assignment"),
            "triggers.yaml", List.of("publish-events", "event-triggers"));

    @Test
    void the_webhook_path_evaluates_no_expression_that_copies_the_exchange() throws IOException {
        List<String> found = new ArrayList<>();
        for (var file : HOT_ROUTES.entrySet()) {
            for (JsonNode item : YAML.readTree(Path.of("routes", file.getKey()).toFile())) {
                JsonNode route = item.path("route");
                String id = route.path("id").asText();
                if (file.getValue().contains(id)) copying(route, id, found);
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void the_rule_finds_both_kinds() {
        List<String> found = new ArrayList<>();
        copying(node("{steps: [{setBody: {method: {ref: a, method: b}}}, {bean: {ref: a, method: \"b(${variable.c})\"}}]}"), "x", found);
        copying(node("{steps: [{filter: {simple: \"${variable.receipt.events.size} > 0\"}}, {setBody: {simple: \"${body.answer}\"}}]}"), "y", found);
        assertEquals(3, found.size(), found.toString());
        assertTrue(DOTTED.matcher("${header.name.length()}").find());
        assertFalse(DOTTED.matcher("${header[x-sg-signature]} ${variable.cost} ${bodyAs(String)} ${body} != null").find());
    }

    private static JsonNode node(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Adds to {@code found} each method expression (a {@code method:} holding a ref, not a bean step's method name) and dotted simple expression under {@code node}. */
    private static void copying(JsonNode node, String route, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("method") && f.getValue().isObject()) found.add(route + ": method expression " + f.getValue());
                copying(f.getValue(), route, found);
            });
        } else if (node.isArray()) {
            node.forEach(n -> copying(n, route, found));
        } else if (node.isTextual() && DOTTED.matcher(node.asText()).find()) {
            found.add(route + ": dotted expression " + node.asText());
        }
    }
}
