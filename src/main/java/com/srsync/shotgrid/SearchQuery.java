package com.srsync.shotgrid;

import java.util.List;
import java.util.Map;

/**
 * One {@code _search}: its filters (a list of {@code [field, operator, value]}, all ANDed), the fields
 * to return, and whether to leave out entities in the trash ({@code return_only: active}) or read only those.
 */
public record SearchQuery(String entity, List<List<Object>> filters, List<String> fields, String returnOnly, String sort) {
    public SearchQuery {
        filters = List.copyOf(filters);
        fields = List.copyOf(fields);
    }

    public SearchQuery(String entity, List<List<Object>> filters, List<String> fields, String returnOnly) {
        this(entity, filters, fields, returnOnly, "id");
    }

    /** The request body for one page (1-based); sorted by id by default, so pages do not shift under concurrent edits. */
    public Map<String, Object> body(int page, int pageSize) {
        return Map.of(
                "filters", filters,
                "fields", String.join(",", fields),
                "sort", sort,
                "page", Map.of("size", pageSize, "number", page),
                "options", Map.of("return_only", returnOnly));
    }
}
