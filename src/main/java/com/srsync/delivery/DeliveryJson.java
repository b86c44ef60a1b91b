package com.srsync.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /admin/delivery[?project=ID]}: the delivery state as the board holds it; no upstream call. */
public final class DeliveryJson {
    private final ObjectMapper mapper;
    private final DeliveryBoard board;

    public DeliveryJson(ObjectMapper mapper, DeliveryBoard board) {
        this.mapper = mapper;
        this.board = board;
    }

    public String render(Long project) throws JsonProcessingException {
        return mapper.writeValueAsString(tree(board.view(project)));
    }

    public ObjectNode tree(DeliveryView view) {
        ObjectNode root = mapper.createObjectNode();
        time(root, "checked_at", view.checkedAt());
        root.put("stale", view.isStale());
        if (view.isStale()) {
            time(root, "failed_at", view.failedAt());
            root.put("error", view.failure());
        }
        Map<Long, ArrayNode> byProject = new LinkedHashMap<>();
        ArrayNode projects = root.putArray("projects");
        for (JobDelivery j : view.jobs()) {
            ArrayNode jobs = byProject.computeIfAbsent(j.job().project(), id -> projects.addObject().put("id", id).putArray("jobs"));
            jobs.add(job(j));
        }
        ArrayNode offline = root.putArray("offline");
        for (ConsoleAgent a : view.offline()) {
            ObjectNode o = offline.addObject().put("agent_id", a.id()).put("name", a.name());
            time(o, "last_seen", a.lastSeen());
        }
        ObjectNode counts = root.putObject("artists");
        for (DeliveryState s : DeliveryState.values()) counts.put(s.word(), view.artistsIn(s));
        return root;
    }

    private ObjectNode job(JobDelivery j) {
        ObjectNode o = mapper.createObjectNode().put("id", j.job().jobId()).put("name", j.job().name());
        o.put("kind", j.job().kind());
        o.put("shot", j.job().shot());
        if (j.job().asset() != null) o.put("asset", j.job().asset());
        o.put("state", j.state().word());
        time(o, "read_at", j.readAt());
        if (j.run() == null) o.putNull("run");
        else {
            ObjectNode run = o.putObject("run").put("id", j.run().id()).put("status", j.run().status());
            ArrayNode errors = run.putArray("errors");
            j.run().errors().forEach(errors::add);
        }
        ArrayNode agents = o.putArray("agents");
        for (AgentDelivery a : j.agents()) {
            ObjectNode row = agents.addObject().put("agent_id", a.agentId());
            if (!a.isPrimary()) row.put("artist", a.artist());
            row.put("role", a.role()).put("state", a.state().word());
            if (a.permission() != null) row.put("permission", a.permission());
            if (a.online() == null) row.putNull("online");
            else row.put("online", a.online());
            time(row, "last_seen", a.lastSeen());
            if (a.filesCompleted() != null) row.put("files_completed", a.filesCompleted());
            if (a.filesTotal() != null) row.put("files_total", a.filesTotal());
            row.put("detail", a.detail());
        }
        return o;
    }

    private static void time(ObjectNode o, String key, Instant at) {
        if (at == null) o.putNull(key);
        else o.put(key, at.toString());
    }
}
