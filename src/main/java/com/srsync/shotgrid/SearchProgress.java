package com.srsync.shotgrid;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a search stands while {@code direct:shotgrid-search} reads it page by page: the queries still
 * to run (a long list of ids is split into several), the last id read, and the rows so far. Pages are
 * read by key, as ShotGrid's own clients advise: sorted by id, always page 1, with
 * {@code ["id", "greater_than", <last id read>]} added to the filters. A row that leaves the result
 * between two pages (a shot put on hold mid-read) therefore shifts nothing and skips nothing.
 */
public final class SearchProgress {
    private final List<SearchQuery> queries;
    private final List<Object> rows = new ArrayList<>();
    private int current;
    private long lastId;
    private int pages;

    SearchProgress(List<SearchQuery> queries) {
        this.queries = List.copyOf(queries);
    }

    /** True while there is a page left to read. */
    public boolean isMore() {
        return current < queries.size();
    }

    public SearchQuery query() {
        return queries.get(current);
    }

    /** The entity of the next page, for the request path. */
    public String getEntity() {
        return query().entity();
    }

    long lastId() {
        return lastId;
    }

    int pages() {
        return pages;
    }

    /** Takes one page's rows; a short page ends its query. */
    void took(List<?> page, long lastIdOfPage, boolean full) {
        rows.addAll(page);
        pages++;
        lastId = lastIdOfPage;
        if (!full) {
            current++;
            lastId = 0;
        }
    }

    /** Every row read, in order: the search's answer. */
    public List<Object> getRows() {
        return rows;
    }
}
