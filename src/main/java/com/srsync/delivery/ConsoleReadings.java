package com.srsync.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the console's answers for the delivery poll: {@code GET /agents} (a plain array), {@code GET /runs}
 * and {@code GET /runs/{id}/agents} (a {@code {"data": [...]}} envelope). Either shape is taken for each,
 * since the documentation is thin; an answer that is neither is an error, never an empty list.
 */
public final class ConsoleReadings {
    private final ObjectMapper mapper;

    public ConsoleReadings(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<ConsoleAgent> agents(String json) throws IOException {
        List<ConsoleAgent> out = new ArrayList<>();
        for (JsonNode a : items(json, "GET /agents")) {
            out.add(new ConsoleAgent(a.path("id").asLong(), a.path("name").asText(""), a.path("online").asBoolean(false),
                    instant(a.get("last_seen")), text(a.get("status")), errors(a.get("errors"))));
        }
        return out;
    }

    public List<RunRecord> runs(String json) throws IOException {
        List<RunRecord> out = new ArrayList<>();
        for (JsonNode r : items(json, "GET /runs")) {
            String fingerprint = String.join("|", text(r.get("status")), r.path("active").asText(""), r.path("files_total").asText(""),
                    r.path("size_total").asText(""), r.path("size_completed").asText(""), r.path("agents_total").asText(""),
                    r.path("errors").toString());
            out.add(new RunRecord(r.path("id").asLong(), r.path("job_id").asLong(), text(r.get("status")), number(r.get("files_total")),
                    errors(r.get("errors")), fingerprint));
        }
        return out;
    }

    public List<RunAgentRow> runAgents(String json) throws IOException {
        List<RunAgentRow> out = new ArrayList<>();
        for (JsonNode r : items(json, "GET /runs/{id}/agents")) {
            long id = r.has("agent_id") ? r.path("agent_id").asLong() : r.path("id").asLong();
            out.add(new RunAgentRow(id, text(r.get("status")), text(r.get("permission")), number(r.get("files_total")),
                    number(r.get("files_completed")), errors(r.get("errors"))));
        }
        return out;
    }

    private Iterable<JsonNode> items(String json, String call) throws IOException {
        JsonNode root = mapper.readTree(json == null ? "" : json);
        if (root != null && root.isObject() && root.get("data") != null && root.get("data").isArray()) return root.get("data");
        if (root != null && root.isArray()) return root;
        throw new com.srsync.http.UnusableAnswerException(call + " answered neither a list nor {\"data\": [...]}");
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Long number(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asLong();
    }

    /** Unix seconds as the console sends them; a value in milliseconds or an ISO text is taken too. */
    private static Instant instant(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isNumber()) {
            long v = n.asLong();
            if (v <= 0) return null;
            return v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        try {
            return Instant.parse(n.asText());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Each error as the console words it: its message, else its code. */
    private static List<String> errors(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || !n.isArray()) return out;
        for (JsonNode e : n) {
            if (e.isTextual()) out.add(e.asText());
            else if (e.hasNonNull("message") && !e.get("message").asText().isBlank()) out.add(e.get("message").asText());
            else if (e.hasNonNull("code_str")) out.add(e.get("code_str").asText());
            else if (e.hasNonNull("code")) out.add("error " + e.get("code").asText());
        }
        return out;
    }
}
