package com.srsync.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import com.srsync.observe.UpstreamHealth;

/** Sends one request and reads a JSON answer; any status outside 2xx (unless accepted) becomes a {@link RemoteCallException}. */
public final class JsonHttp {
    private static final int DETAIL_LIMIT = 300;

    private final String service;
    private final HttpClient client;
    private final Duration readTimeout;
    private final ObjectMapper mapper;
    private final UpstreamHealth health;

    public JsonHttp(String service, HttpClient client, Duration readTimeout, ObjectMapper mapper) {
        this(service, client, readTimeout, mapper, new UpstreamHealth(java.time.Clock.systemUTC()));
    }

    /** @param health told how each call went: answered, or no answer / 5xx */
    public JsonHttp(String service, HttpClient client, Duration readTimeout, ObjectMapper mapper, UpstreamHealth health) {
        this.service = service;
        this.client = client;
        this.readTimeout = readTimeout;
        this.mapper = mapper;
        this.health = health;
    }

    public UpstreamHealth health() {
        return health;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The answer of a call, its status and its JSON body (a NullNode when empty or not JSON). */
    public record Reply(int status, JsonNode body) {}

    /**
     * @param operation  what this call does, for messages (e.g. "POST /jobs")
     * @param alsoAccept statuses outside 2xx that the caller handles itself (e.g. 404 on delete)
     */
    public Reply send(HttpRequest.Builder request, String operation, int... alsoAccept) {
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(readTimeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            health.failed(service, operation + " got no answer (" + e.getClass().getSimpleName() + ")");
            throw new RemoteCallException(service, operation, 0, e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException(service, operation, 0, "interrupted", null, e);
        }
        int status = response.statusCode();
        if (status >= 500) health.failed(service, operation + " answered " + status);
        else health.answered(service);
        boolean accepted = status / 100 == 2;
        for (int s : alsoAccept) accepted |= s == status;
        if (!accepted) {
            throw new RemoteCallException(service, operation, status, detail(response.body()),
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)), null);
        }
        return new Reply(status, parse(response.body()));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) return NullNode.getInstance();
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return NullNode.getInstance();
        }
    }

    private static String detail(String body) {
        if (body == null) return null;
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > DETAIL_LIMIT ? oneLine.substring(0, DETAIL_LIMIT) + "…" : oneLine;
    }

    /** {@code Retry-After} in seconds, or as an HTTP date. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            try {
                var when = java.time.ZonedDateTime.parse(header.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(java.time.Instant.now(), when.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
