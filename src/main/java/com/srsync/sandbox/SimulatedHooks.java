package com.srsync.sandbox;

import com.srsync.setup.HookSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The sandbox site's webhooks, over ShotGrid's REST webhook API ({@code GET|POST /api/v1/webhook/hooks},
 * {@code PUT /api/v1/webhook/hooks/{id}}): at start one hook per row of the webhook table (assets in project mode)
 * points at the sandboxed service, as a studio following the table would have made them.
 * Answers as the site does: JSON:API rows, a secret never given back ({@code is_token_set} only).
 */
final class SimulatedHooks {
    private final Map<String, Map<String, Object>> hooks = new LinkedHashMap<>();
    private int writes;

    SimulatedHooks(String serviceUrl) {
        for (HookSpec spec : HookSpec.table(false)) add(serviceUrl, spec);
    }

    private void add(String url, HookSpec spec) {
        Map<String, Object> events = new LinkedHashMap<>();
        for (String event : spec.events()) events.put(event, event.equals("update") ? List.copyOf(spec.fields()) : List.of());
        Map<String, Object> hook = new LinkedHashMap<>();
        hook.put("url", url);
        hook.put("entity_types", Map.of(spec.entity(), events));
        hook.put("batch_deliveries", true);
        hook.put("token", "set");
        create(hook);
    }

    /** Every hook as held (its secret too), by id: for tests of what was written. */
    synchronized Map<String, Map<String, Object>> all() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        hooks.forEach((id, h) -> out.put(id, new LinkedHashMap<>(h)));
        return out;
    }

    /** How many creates and updates it took. */
    synchronized int writes() {
        return writes;
    }

    synchronized void clear() {
        hooks.clear();
    }

    synchronized Map<String, Object> list() {
        List<Object> data = new ArrayList<>();
        hooks.forEach((id, h) -> data.add(row(id, h)));
        return Map.of("data", data);
    }

    synchronized Map<String, Object> create(Map<String, Object> body) {
        if (!(body.get("url") instanceof String) || !(body.get("entity_types") instanceof Map)) {
            throw new IllegalArgumentException("url and entity_types are required");
        }
        String id = UUID.randomUUID().toString();
        writes++;
        Map<String, Object> hook = new LinkedHashMap<>(body);
        hook.putIfAbsent("status", "active");
        hooks.put(id, hook);
        return Map.of("data", row(id, hook));
    }

    synchronized Map<String, Object> update(String id, Map<String, Object> body) {
        Map<String, Object> hook = hooks.get(id);
        if (hook == null) throw new NoSuchElementException("no webhook " + id);
        if (body.isEmpty()) throw new IllegalArgumentException("an empty update");
        writes++;
        hook.putAll(body);
        return Map.of("data", row(id, hook));
    }

    private static Map<String, Object> row(String id, Map<String, Object> hook) {
        Map<String, Object> attributes = new LinkedHashMap<>(hook);
        Object token = attributes.remove("token");
        attributes.put("is_token_set", token != null && !String.valueOf(token).isBlank());
        attributes.putIfAbsent("batch_deliveries", false);
        return Map.of("type", "webhook", "id", id, "attributes", attributes);
    }
}
