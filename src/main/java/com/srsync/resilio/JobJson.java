package com.srsync.resilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.srsync.reconcile.DesiredJob;
import com.srsync.reconcile.JobOperation;
import java.io.IOException;
import java.io.InputStream;
import com.srsync.reconcile.JobAgent;
import com.srsync.reconcile.ObservedJob;
import com.srsync.reconcile.OsPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Console job JSON to and from the reconcile model. Pure. The routes ({@code routes/resilio.yaml})
 * call the instance methods; the static ones are the mapping itself.
 */
public final class JobJson {
    /** Keys the console fills in itself and refuses, or ignores, on a PUT. */
    public static final Set<String> READ_ONLY_KEYS = Set.of("total_transferred", "created_at", "created_by",
            "last_start_time", "errors", "access", "notifications");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ObjectMapper mapper;

    public JobJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Every job of the console's {@code GET /jobs} answer, read one job at a time, so a console of
     * twenty thousand jobs never stands in memory as one JSON tree.
     */
    public List<ObservedJob> jobs(InputStream answer) throws IOException {
        if (answer == null) throw new IllegalStateException("Resilio GET /jobs: the answer is empty, not a list of jobs");
        List<ObservedJob> jobs = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("Resilio GET /jobs: the answer is not a list of jobs");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) jobs.add(observed(parser.readValueAsTree()));
            if (parser.currentToken() != JsonToken.END_ARRAY) throw new IllegalStateException("Resilio GET /jobs: the list holds something else than jobs");
        }
        return jobs;
    }

    /** The body of {@code POST /jobs} for a create, as UTF-8 bytes. */
    public byte[] createRequest(JobOperation op) throws IOException {
        return mapper.writeValueAsBytes(createBody(op.getDesired()));
    }

    /** The body of {@code PUT /jobs/{id}} for an update: the job as read just now, merged; as UTF-8 bytes. */
    public byte[] updateRequest(JsonNode current, JobOperation op) throws IOException {
        return mapper.writeValueAsBytes(updateBody(current, op.getDesired()));
    }

    /** The id of a create's answer ({@code {"id": N}}); null when the console gave none. */
    public Long idOf(InputStream answer) throws IOException {
        JsonNode id = parse(answer).path("id");
        return id.canConvertToLong() && !id.isMissingNode() && !id.isNull() ? id.asLong() : null;
    }

    /**
     * An answer as JSON: a NullNode when it is empty. Read from the stream: converting an answer to
     * text first took two buffers per call (a third of what a create allocated).
     */
    public JsonNode parse(InputStream answer) throws IOException {
        if (answer == null) return NullNode.getInstance();
        JsonNode tree = mapper.readTree(answer);
        return tree == null || tree.isMissingNode() ? NullNode.getInstance() : tree;
    }

    public static ObservedJob observed(JsonNode job) {
        List<JobAgent> agents = new ArrayList<>();
        for (JsonNode a : job.path("agents")) agents.add(agent(a));
        JsonNode description = job.path("description");
        return new ObservedJob(job.path("id").asLong(), job.path("name").asText(null),
                description.isTextual() ? description.asText() : null, agents);
    }

    /** The body of {@code POST /jobs}, in the old tool's shape. */
    public static ObjectNode createBody(DesiredJob job) {
        ObjectNode body = F.objectNode();
        body.put("name", job.name());
        body.put("type", job.type());
        body.put("description", job.description());
        ArrayNode agents = body.putArray("agents");
        for (JobAgent a : job.agents()) agents.add(agentNode(F.objectNode(), a));
        return body;
    }

    /**
     * The body of {@code PUT /jobs/{id}}: the job as the console has it, less its read-only keys, with
     * the description and the whole agent list replaced. Keys we do not manage, of the job and of
     * each agent entry that stays, are kept as they came.
     */
    public static ObjectNode updateBody(JsonNode current, DesiredJob job) {
        ObjectNode body = current.isObject() ? ((ObjectNode) current).deepCopy() : F.objectNode();
        body.remove(READ_ONLY_KEYS);
        body.put("name", job.name());
        body.put("description", job.description());
        Map<Long, JsonNode> existing = new HashMap<>();
        for (JsonNode a : current.path("agents")) existing.putIfAbsent(a.path("id").asLong(), a);
        ArrayNode agents = F.arrayNode();
        for (JobAgent a : job.agents()) {
            JsonNode before = existing.get(a.id());
            ObjectNode entry = before != null && before.isObject() ? ((ObjectNode) before).deepCopy() : F.objectNode();
            agents.add(agentNode(entry, a));
        }
        body.set("agents", agents);
        return body;
    }

    private static ObjectNode agentNode(ObjectNode entry, JobAgent a) {
        entry.put("id", a.id());
        entry.put("role", a.role());
        entry.put("permission", a.permission());
        if (a.priorityAgents() != null) entry.put("priority_agents", a.priorityAgents());
        else entry.remove("priority_agents");
        if (a.filePolicyId() != null) entry.put("file_policy_id", a.filePolicyId());
        else entry.remove("file_policy_id");
        ObjectNode path = F.objectNode();
        a.path().asMap().forEach(path::put);
        entry.set("path", path);
        return entry;
    }

    private static JobAgent agent(JsonNode a) {
        JsonNode path = a.path("path");
        OsPaths paths = path.isObject()
                ? new OsPaths(text(path.path("linux")), text(path.path("win")), text(path.path("osx")))
                : path.isTextual() ? new OsPaths(path.asText(), path.asText(), path.asText()) : new OsPaths(null, null, null);
        JsonNode priority = a.path("priority_agents");
        JsonNode policy = a.path("file_policy_id");
        return new JobAgent(a.path("id").asLong(), a.path("role").asText(""), a.path("permission").asText(""), paths,
                priority.isBoolean() ? priority.asBoolean() : null,
                policy.canConvertToInt() && !policy.isNull() && !policy.isMissingNode() ? policy.asInt() : null);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
