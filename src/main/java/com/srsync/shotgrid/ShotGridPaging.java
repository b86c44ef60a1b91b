package com.srsync.shotgrid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of a search, for {@code direct:shotgrid-search}: the request body of the next page, and
 * the checks on each answer. A page without a {@code data} list, rows out of id order, or more than
 * {@value #MAX_PAGES} pages fail the whole search: a search answers every row or fails, never a part.
 */
public final class ShotGridPaging {
    /** ShotGrid's largest page. */
    public static final int PAGE_SIZE = 500;
    static final int MAX_PAGES = 10_000;

    private final ObjectMapper mapper;

    public ShotGridPaging(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @param queries a {@link SearchQuery}, or a collection of them read one after the other */
    public SearchProgress start(Object queries) {
        List<SearchQuery> list = new ArrayList<>();
        if (queries instanceof SearchQuery q) list.add(q);
        else if (queries instanceof Collection<?> c) c.forEach(q -> list.add((SearchQuery) q));
        else throw new IllegalArgumentException("direct:shotgrid-search takes a SearchQuery or a list of them, not " + queries);
        return new SearchProgress(list);
    }

    /** The body of the next page's request, as UTF-8 bytes (so camel-http sends the content type exactly as set). */
    public byte[] nextPage(SearchProgress progress) throws JsonProcessingException {
        SearchQuery q = progress.query();
        Map<String, Object> body = new LinkedHashMap<>();
        List<Object> filters = new ArrayList<>(q.filters());
        if (q.limit() == null) filters.add(List.of("id", "greater_than", progress.lastId()));
        body.put("filters", filters);
        body.put("fields", String.join(",", q.fields()));
        body.put("sort", q.limit() == null ? "id" : q.sort());
        body.put("page", Map.of("size", q.limit() == null ? PAGE_SIZE : q.limit(), "number", 1));
        body.put("options", Map.of("return_only", q.returnOnly()));
        return mapper.writeValueAsBytes(body);
    }

    /** Takes the answer to the page just asked for; fails the search when it cannot be trusted. */
    public void read(SearchProgress progress, JsonNode answer) {
        SearchQuery q = progress.query();
        String what = "ShotGrid search " + q.entity() + " page " + (progress.pages() + 1);
        JsonNode data = answer == null ? null : answer.path("data");
        if (data == null || !data.isArray()) throw new ShotGridAnswerException(what + ": the answer has no data list");
        List<JsonNode> rows = new ArrayList<>();
        long last = progress.lastId();
        for (JsonNode row : data) {
            long id = row.path("id").asLong(-1);
            if (q.limit() == null && id <= last) {
                throw new ShotGridAnswerException(what + ": row " + id + " is not after " + last + "; the site ignored the paging filter");
            }
            last = Math.max(last, id);
            rows.add(row);
        }
        boolean full = q.limit() == null && rows.size() >= PAGE_SIZE;
        if (full && progress.pages() + 1 >= MAX_PAGES) throw new ShotGridAnswerException(what + ": more than " + MAX_PAGES + " pages");
        progress.took(rows, last, full);
    }
}
