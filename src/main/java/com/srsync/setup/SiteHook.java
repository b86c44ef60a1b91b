package com.srsync.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A webhook as the site's REST API lists it ({@code GET /webhook/hooks}): its id, address, status, and for each
 * entity type the events it sends with their field filter (an empty list: every field), batch deliveries, and
 * whether a secret is set (its value is never given back).
 */
public record SiteHook(String id, String url, String status, Map<String, Map<String, List<String>>> entityTypes, boolean batch,
                       boolean tokenSet) {
    public SiteHook {
        entityTypes = Map.copyOf(entityTypes);
    }

    /** The hooks of a {@code GET /webhook/hooks} answer: JSON:API rows ({@code data[].attributes}) or a plain list. */
    public static List<SiteHook> list(JsonNode answer) {
        JsonNode items = answer == null ? null : answer.isArray() ? answer : answer.path("data");
        List<SiteHook> out = new ArrayList<>();
        if (items == null || !items.isArray()) return out;
        for (JsonNode h : items) {
            JsonNode a = h.has("attributes") ? h.path("attributes") : h;
            Map<String, Map<String, List<String>>> types = new LinkedHashMap<>();
            a.path("entity_types").fields().forEachRemaining(e -> {
                Map<String, List<String>> events = new LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(ev -> {
                    List<String> fields = new ArrayList<>();
                    ev.getValue().forEach(f -> fields.add(f.asText()));
                    events.put(ev.getKey(), fields);
                });
                types.put(e.getKey(), events);
            });
            out.add(new SiteHook(h.path("id").asText(a.path("uuid").asText("")), a.path("url").asText(""), a.path("status").asText(null),
                    types, a.path("batch_deliveries").asBoolean(false), a.path("is_token_set").asBoolean(false)));
        }
        return out;
    }
}
