package com.srsync.shotgrid;

import java.util.List;

/**
 * One {@code _search}: its filters (a list of {@code [field, operator, value]}, all ANDed), the fields
 * to return, and whether to read entities outside the trash ({@code active}) or in it ({@code retired}).
 * Without a {@code limit} every matching row is read, page by page in id order; with one, only the first
 * {@code limit} rows in the order of {@code sort} ({@code -id}: newest first).
 */
public record SearchQuery(String entity, List<List<Object>> filters, List<String> fields, String returnOnly, String sort, Integer limit) {
    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";

    public SearchQuery {
        filters = List.copyOf(filters);
        fields = List.copyOf(fields);
    }

    /** Every row, read by key. */
    public SearchQuery(String entity, List<List<Object>> filters, List<String> fields, String returnOnly) {
        this(entity, filters, fields, returnOnly, "id", null);
    }

    /** The first {@code rows} rows in the order of {@code sort}: one page, no more. */
    public static SearchQuery first(String entity, List<List<Object>> filters, List<String> fields, String sort, int rows) {
        return new SearchQuery(entity, filters, fields, ACTIVE, sort, rows);
    }
}
