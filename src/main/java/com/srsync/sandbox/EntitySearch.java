package com.srsync.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ShotGrid's REST {@code _search} over records held in memory, answering as the real site does: the
 * filters the service sends ({@code is}, {@code is_not}, {@code in}, {@code not_in},
 * {@code greater_than}, {@code less_than}, dotted paths through entity and multi-entity fields), {@code return_only},
 * {@code sort} by a field (a leading {@code -} for descending), pages by size and number, and JSON:API
 * rows with scalar fields under {@code attributes} and entity fields under {@code relationships}.
 *
 * <p>A record is a map of field to value; an entity field holds a {@code {type, id, name}} reference,
 * a multi-entity field a list of them; a record in the trash has {@value #RETIRED} set to true.
 * The sandbox's simulated site answers with it, and so does the test suite's stub site.
 */
public final class EntitySearch {
    /** The key that marks a record as in the trash. */
    public static final String RETIRED = "__retired";
    /** The entity types the service searches, by the name the REST path gives them. */
    public static final Map<String, String> TYPES = Map.of("projects", "Project", "shots", "Shot", "tasks", "Task",
            "human_users", "HumanUser", "groups", "Group", "sequences", "Sequence", "event_log_entries", "EventLogEntry",
            "assets", "Asset");

    /** Where the records are. */
    public interface Records {
        /** Every record of an entity type, in the trash or not. */
        List<Map<String, Object>> all(String type);

        Map<String, Object> get(String type, long id);
    }

    private final Records records;

    public EntitySearch(Records records) {
        this.records = records;
    }

    /** The answer to one search request body for an entity type: {@code {"data": [rows], "links": {...}}}. */
    public Map<String, Object> answer(String type, Map<String, Object> request) {
        boolean retired = "retired".equals(((Map<?, ?>) request.getOrDefault("options", Map.of())).get("return_only"));
        List<?> filters = (List<?>) request.getOrDefault("filters", List.of());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> record : records.all(type)) {
            if (Boolean.TRUE.equals(record.get(RETIRED)) != retired) continue;
            if (matchesAll(record, filters)) rows.add(record);
        }
        rows.sort(order(String.valueOf(request.getOrDefault("sort", "id"))));
        Map<?, ?> page = (Map<?, ?>) request.getOrDefault("page", Map.of("size", 500, "number", 1));
        int size = Math.max(1, Math.min(500, ((Number) page.get("size")).intValue()));
        int number = Math.max(1, ((Number) page.get("number")).intValue());
        List<String> fields = Arrays.stream(String.valueOf(request.getOrDefault("fields", "")).split(","))
                .map(String::trim).filter(f -> !f.isEmpty()).toList();
        List<Object> data = new ArrayList<>();
        int from = Math.min(rows.size(), (number - 1) * size);
        for (Map<String, Object> record : rows.subList(from, Math.min(rows.size(), from + size))) {
            data.add(row(type, record, fields));
        }
        String self = "/api/v1/entity/" + type + "/_search";
        return Map.of("data", data, "links", Map.of("self", self + "?page=" + number, "next", self + "?page=" + (number + 1)));
    }

    private Map<String, Object> row(String type, Map<String, Object> record, List<String> fields) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, Object> relationships = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = resolve(record, field);
            if (value instanceof Map || value instanceof List) relationships.put(field, Map.of("data", value));
            else if (record.containsKey(field) || field.contains(".")) attributes.put(field, value);
            else attributes.put(field, null);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", type);
        row.put("id", record.get("id"));
        row.put("attributes", attributes);
        row.put("relationships", relationships);
        row.put("links", Map.of("self", "/api/v1/entity/" + type + "/" + record.get("id")));
        return row;
    }

    private boolean matchesAll(Map<String, Object> record, List<?> filters) {
        for (Object f : filters) {
            List<?> filter = (List<?>) f;
            Object resolved = resolve(record, String.valueOf(filter.get(0)));
            Object expected = filter.get(2);
            String operator = String.valueOf(filter.get(1));
            boolean ok = resolved instanceof Linked linked
                    ? linked.values().stream().anyMatch(v -> matches(v, operator, expected))   // through a multi-entity field: any
                    : matches(resolved, operator, expected);
            if (!ok) return false;
        }
        return true;
    }

    private static boolean matches(Object actual, String operator, Object expected) {
        return switch (operator) {
                case "is" -> same(actual, expected);
                case "is_not" -> !same(actual, expected);
                case "in" -> ((List<?>) expected).stream().anyMatch(e -> same(actual, e));
                case "not_in" -> ((List<?>) expected).stream().noneMatch(e -> same(actual, e));
                case "greater_than" -> actual instanceof Number a && a.longValue() > ((Number) expected).longValue();
                case "less_than" -> actual instanceof Number a && a.longValue() < ((Number) expected).longValue();
                default -> throw new IllegalArgumentException("the simulated site does not know the operator " + operator);
            };
    }

    /** A dotted path's values through a multi-entity field: one per linked record. */
    private record Linked(List<Object> values) {}

    /**
     * A field, or a dotted path such as {@code entity.Shot.sg_status_list} through an entity reference, or such as
     * {@code shots.Shot.sg_status_list} through a multi-entity field (then {@link Linked}: a filter matches when any does).
     */
    private Object resolve(Map<String, Object> record, String field) {
        String[] parts = field.split("\\.");
        if (parts.length == 3 && record.get(parts[0]) instanceof Map<?, ?> ref) return linkedField(ref, parts[1], parts[2]);
        if (parts.length == 3 && record.get(parts[0]) instanceof List<?> refs) {
            List<Object> values = new ArrayList<>();
            for (Object ref : refs) if (ref instanceof Map<?, ?> r && parts[1].equals(r.get("type"))) values.add(linkedField(r, parts[1], parts[2]));
            return new Linked(values);
        }
        return parts.length == 1 ? record.get(field) : null;
    }

    private Object linkedField(Map<?, ?> ref, String type, String field) {
        if (!type.equals(ref.get("type"))) return null;
        Map<String, Object> linked = records.get(type, ((Number) ref.get("id")).longValue());
        return linked == null ? null : linked.get(field);
    }

    private static Comparator<Map<String, Object>> order(String sort) {
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Comparator<Map<String, Object>> byField = Comparator.comparing(r -> comparable(r.get(field)),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return descending ? byField.reversed() : byField;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable comparable(Object value) {
        if (value instanceof Number n) return n.longValue();
        return value == null ? null : String.valueOf(value);
    }

    private static boolean same(Object actual, Object expected) {
        if (expected instanceof Map<?, ?> e) {
            return actual instanceof Map<?, ?> a && Objects.equals(a.get("type"), e.get("type"))
                    && a.get("id") instanceof Number ai && e.get("id") instanceof Number ei && ai.longValue() == ei.longValue();
        }
        if (actual instanceof Number a && expected instanceof Number e) return a.longValue() == e.longValue();
        return Objects.equals(actual, expected);
    }
}
