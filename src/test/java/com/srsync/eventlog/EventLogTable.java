package com.srsync.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ShotGrid's EventLogEntry table behind WireMock: answers {@code _search} with {@code id greater_than},
 * {@code id in} and newest-first queries over the events added so far, and records each filter asked for.
 */
final class EventLogTable implements ResponseDefinitionTransformerV2 {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TreeMap<Long, ObjectNode> rows = new TreeMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return "eventlog-table";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    synchronized void add(long id, Instant createdAt) {
        ObjectNode row = MAPPER.createObjectNode();
        row.put("type", "EventLogEntry").put("id", id);
        ObjectNode a = row.putObject("attributes");
        a.put("event_type", "Shotgun_Task_Change").put("attribute_name", "task_assignees");
        a.put("created_at", createdAt.toString().replace('T', ' ').replace("Z", ""));
        a.putObject("meta").put("type", "attribute_change").put("entity_type", "Task").put("entity_id", 5001);
        ObjectNode rel = row.putObject("relationships");
        rel.putObject("entity").putObject("data").put("type", "Task").put("id", 5001).put("name", "comp");
        rel.putObject("project").putObject("data").put("type", "Project").put("id", 155).put("name", "TST");
        rows.put(id, row);
    }

    void addRange(long from, long to, Instant createdAt) {
        for (long id = from; id <= to; id++) add(id, createdAt);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        try {
            JsonNode body = MAPPER.readTree(serveEvent.getRequest().getBodyAsString());
            int size = body.path("page").path("size").asInt(500);
            JsonNode filters = body.path("filters");
            asked.add(filters.toString() + " sort " + body.path("sort").asText());
            ArrayNode data = MAPPER.createArrayNode();
            if (filters.size() == 0 && "-id".equals(body.path("sort").asText())) {
                if (!rows.isEmpty()) data.add(rows.lastEntry().getValue());
            } else if ("greater_than".equals(filters.get(0).get(1).asText())) {
                rows.tailMap(filters.get(0).get(2).asLong(), false).values().stream().limit(size).forEach(data::add);
            } else if ("in".equals(filters.get(0).get(1).asText())) {
                for (JsonNode id : filters.get(0).get(2)) if (rows.containsKey(id.asLong())) data.add(rows.get(id.asLong()));
            }
            ObjectNode answer = MAPPER.createObjectNode();
            answer.set("data", data);
            return new ResponseDefinition(200, answer.toString());
        } catch (Exception e) {
            return new ResponseDefinition(500, e.toString());
        }
    }
}
