package com.srsync.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.events.ShotGridEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A webhook body as ShotGrid sends it, single ({@code {"data": {…}}}) or batched
 * ({@code {"data": {"deliveries": […]}}}), into normalised events. A body that is not JSON, or not
 * shaped like a delivery, is refused with {@link NotADeliveryException}.
 */
public final class DeliveryParser {
    private final ObjectMapper mapper;

    public DeliveryParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<ShotGridEvent> parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new NotADeliveryException("body is not JSON");
        }
        if (root == null || !root.path("data").isObject()) throw new NotADeliveryException("body is not a ShotGrid delivery (no data object)");
        JsonNode data = root.path("data");
        List<ShotGridEvent> events = new ArrayList<>();
        if (data.has("deliveries")) {
            if (!data.path("deliveries").isArray()) throw new NotADeliveryException("data.deliveries is not a list");
            for (JsonNode d : data.path("deliveries")) events.add(event(d));
        } else {
            events.add(event(data));
        }
        return events;
    }

    private ShotGridEvent event(JsonNode d) {
        if (!d.isObject() || !(d.has("event_type") || d.has("event_log_entry_id") || d.has("entity"))) {
            throw new NotADeliveryException("a delivery has no event_type, event_log_entry_id or entity");
        }
        JsonNode meta = d.path("meta");
        JsonNode entity = d.path("entity");
        String entityType = entity.isObject() ? text(entity.path("type")) : text(meta.path("entity_type"));
        Long entityId = entity.isObject() ? number(entity.path("id")) : number(meta.path("entity_id"));
        if (entityType == null) entityType = ShotGridEvent.entityTypeOf(text(d.path("event_type")));
        String attribute = text(d.path("attribute_name"));
        if (attribute == null) attribute = text(meta.path("attribute_name"));
        return new ShotGridEvent("webhook", number(d.path("event_log_entry_id")), text(d.path("event_type")),
                text(d.path("operation")), entityType, entityId, number(d.path("project").path("id")), attribute,
                meta.isObject() ? plain(meta) : Map.of(), text(d.path("created_at")));
    }

    /** A JSON object as plain maps, lists and values (walked directly: Jackson's convertValue buffers every token first). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(JsonNode object) {
        return (Map<String, Object>) value(object);
    }

    private static Object value(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            n.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
            return out;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            n.forEach(e -> out.add(value(e)));
            return out;
        }
        if (n.isIntegralNumber()) {                       // as Jackson maps them: int, else long, else BigInteger
            if (n.canConvertToInt()) return n.intValue();
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) return n.doubleValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isNull() || n.isMissingNode()) return null;
        return n.asText();
    }


    private static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    private static Long number(JsonNode n) {
        return n.canConvertToLong() && !n.isNull() && !n.isMissingNode() && (n.isNumber() || n.asText().matches("\\d+")) ? n.asLong() : null;
    }
}
