package com.srsync.shotgrid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.http.JsonHttp;
import com.srsync.http.RemoteCallException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Paged {@code _search} against ShotGrid REST v1. A search returns every row or throws: a page that
 * fails or comes back without {@code data} fails the whole search.
 */
public final class ShotGridClient {
    public static final int PAGE_SIZE = 500;
    private static final int MAX_PAGES = 10_000;
    private static final String ARRAY_FILTERS = "application/vnd+shotgun.api3_array+json";

    private final URI apiRoot;
    private final AccessTokens tokens;
    private final JsonHttp http;

    public ShotGridClient(URI apiRoot, AccessTokens tokens, JsonHttp http) {
        this.apiRoot = apiRoot;
        this.tokens = tokens;
        this.http = http;
    }

    /** The ShotGrid API root of a site: {@code <site>/api/v1}. */
    public static URI apiRoot(URI site) {
        return URI.create(site.toString().replaceAll("/+$", "") + "/api/v1");
    }

    public List<JsonNode> search(SearchQuery query) {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode data = page(query, page).path("data");
            String operation = "search " + query.entity() + " page " + page;
            if (!data.isArray()) {
                throw new RemoteCallException("ShotGrid", operation, 200, "answer has no data list", null, null);
            }
            data.forEach(rows::add);
            if (data.size() < PAGE_SIZE) return rows;
        }
        throw new RemoteCallException("ShotGrid", "search " + query.entity(), 200, "more than " + MAX_PAGES + " pages", null, null);
    }

    /** One page (1-based) of at most {@value #PAGE_SIZE} rows. */
    public List<JsonNode> searchPage(SearchQuery query, int page) {
        return searchPage(query, page, PAGE_SIZE);
    }

    public List<JsonNode> searchPage(SearchQuery query, int page, int size) {
        JsonNode data = page(query, page, size).path("data");
        if (!data.isArray()) {
            throw new RemoteCallException("ShotGrid", "search " + query.entity() + " page " + page, 200, "answer has no data list", null, null);
        }
        List<JsonNode> rows = new ArrayList<>();
        data.forEach(rows::add);
        return rows;
    }

    private JsonNode page(SearchQuery query, int page) {
        return page(query, page, PAGE_SIZE);
    }

    private JsonNode page(SearchQuery query, int page, int size) {
        String body;
        try {
            body = http.mapper().writeValueAsString(query.body(page, size));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("query cannot be written as JSON", e);
        }
        String operation = "search " + query.entity() + " page " + page;
        String token = tokens.current();
        try {
            return post(query.entity(), body, token, operation);
        } catch (RemoteCallException e) {
            if (e.getStatus() != 401) throw e;
            tokens.refused(token);
            return post(query.entity(), body, tokens.current(), operation);
        }
    }

    private JsonNode post(String entity, String body, String token, String operation) {
        return http.send(HttpRequest.newBuilder(URI.create(apiRoot + "/entity/" + entity + "/_search"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", ARRAY_FILTERS)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), operation).body();
    }
}
