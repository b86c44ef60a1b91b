package com.srsync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The sandbox console's machines and runs, in the shapes the real console answers: the studio storage
 * (agent 4) and the two artists' machines (2 and 3), all online at first. Each job has one run
 * (id: the job's id + 5000); every agent in it has all {@value #FILES} files, except a machine that went
 * offline (it keeps what it had: {@value #FILES_WHEN_OFFLINE}) or has an error. People change a machine
 * with {@code POST /sandbox/agents/{id}/offline}, {@code .../online} (also clears an error) and
 * {@code .../error?message=Disk+full}, and the studio storage with {@code POST /sandbox/storage/indexing}
 * (it counts its folder again: its row says "indexing", its file count starts low and grows at each read,
 * the artists' machines have what it counted so far) and {@code POST /sandbox/storage/settled}.
 */
final class SimulatedAgents {
    static final long FILES = 120;
    static final long FILES_WHEN_OFFLINE = 80;
    private static final long RUN_OFFSET = 5000;

    private record Machine(long id, String name, boolean online, long lastSeen, String error) {}

    private final Map<Long, Machine> machines = new TreeMap<>();
    private long indexedSoFar = -1;                 // while the storage indexes: the files it has counted; -1 when settled

    SimulatedAgents() {
        long now = System.currentTimeMillis() / 1000;
        for (Machine m : List.of(new Machine(4, "Linux_Remote", true, now, null), new Machine(3, "Cameron's Mac mini", true, now, null),
                new Machine(2, "Cameron's MacBook Pro", true, now, null))) {
            machines.put(m.id(), m);
        }
    }

    /** {@code GET /api/v2/agents}: a plain array, as the console answers. */
    List<Map<String, Object>> list() {
        long now = System.currentTimeMillis() / 1000;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Machine m : machines.values()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", m.id());
            a.put("name", m.name());
            a.put("online", m.online());
            a.put("last_seen", m.online() ? now : m.lastSeen());
            a.put("status", m.online() ? "online" : "offline");
            a.put("os", m.id() == 4 ? "linux" : "mac");
            a.put("errors", m.error() == null ? List.of() : List.of(Map.of("code_str", "AGENT_ERROR", "message", m.error())));
            out.add(a);
        }
        return out;
    }

    /** {@code POST /sandbox/storage/indexing|settled}. */
    Map<String, Object> storage(String path) {
        switch (path) {
            case "/sandbox/storage/indexing" -> indexedSoFar = 10;
            case "/sandbox/storage/settled" -> indexedSoFar = -1;
            default -> throw new NoSuchElementException("use /sandbox/storage/indexing or /sandbox/storage/settled");
        }
        return Map.of("storage", indexedSoFar < 0 ? "settled" : "indexing");
    }

    /** The storage's file count now; while it indexes, each read finds more (never all of them). */
    private long storageFiles() {
        if (indexedSoFar < 0) return FILES;
        indexedSoFar = Math.min(FILES - 1, indexedSoFar + 10);
        return indexedSoFar;
    }

    /** {@code POST /sandbox/agents/{id}/offline|online|error}. */
    Map<String, Object> change(String path, String query) {
        String[] parts = path.substring("/sandbox/agents/".length()).split("/");
        if (parts.length != 2) throw new NoSuchElementException("use /sandbox/agents/{id}/offline, /online or /error?message=...");
        long id = Long.parseLong(parts[0]);
        Machine m = machines.get(id);
        if (m == null) throw new NoSuchElementException("no agent " + id + " in the sandbox console");
        long now = System.currentTimeMillis() / 1000;
        Machine changed = switch (parts[1]) {
            case "offline" -> new Machine(id, m.name(), false, now, m.error());
            case "online" -> new Machine(id, m.name(), true, now, null);
            case "error" -> new Machine(id, m.name(), m.online(), m.lastSeen(), message(query));
            default -> throw new NoSuchElementException("use offline, online or error, not " + parts[1]);
        };
        machines.put(id, changed);
        return Map.of("agent", id, "online", changed.online(), "error", changed.error() == null ? "" : changed.error());
    }

    private static String message(String query) {
        if (query == null || !query.startsWith("message=")) return "Disk is full";
        return java.net.URLDecoder.decode(query.substring("message=".length()), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code GET /api/v2/runs[?job_id=&offset=&limit=]} and {@code GET /api/v2/runs/{id}/agents}: envelopes, as the console answers. */
    Map<String, Object> runs(String path, String query, Map<Long, ObjectNode> jobs) {
        String rest = path.substring("/api/v2/runs".length()).replaceAll("^/|/$", "");
        Map<String, String> q = parameters(query);
        if (rest.isEmpty()) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (ObjectNode job : jobs.values()) {
                long jobId = job.path("id").asLong();
                if (q.containsKey("job_id") && Long.parseLong(q.get("job_id")) != jobId) continue;
                all.add(run(job));
            }
            int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
            int limit = Integer.parseInt(q.getOrDefault("limit", "500"));
            return Map.of("data", all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)));
        }
        String[] parts = rest.split("/");
        if (parts.length != 2 || !parts[1].equals("agents")) throw new NoSuchElementException("no such endpoint: " + path);
        ObjectNode job = jobs.get(Long.parseLong(parts[0]) - RUN_OFFSET);
        if (job == null) throw new NoSuchElementException("run " + parts[0] + " not found");
        List<Map<String, Object>> rows = new ArrayList<>();
        long storage = storageFiles();
        for (JsonNode agent : job.path("agents")) rows.add(row(agent, storage));
        return Map.of("data", rows);
    }

    private Map<String, Object> run(ObjectNode job) {
        Map<String, Object> r = new LinkedHashMap<>();
        long jobId = job.path("id").asLong();
        r.put("id", jobId + RUN_OFFSET);
        r.put("job_id", jobId);
        r.put("name", job.path("name").asText());
        r.put("status", "working");
        r.put("active", true);
        r.put("files_total", indexedSoFar < 0 ? FILES : indexedSoFar);
        r.put("agents_total", job.path("agents").size());
        long completed = 0;
        for (JsonNode agent : job.path("agents")) completed += (Long) row(agent, indexedSoFar < 0 ? FILES : indexedSoFar).get("files_completed");
        r.put("size_completed", completed * 1024);   // changes when a machine does: the service reads the run's agents again
        r.put("errors", List.of());
        return r;
    }

    /** One agent's row of a run whose studio storage has counted {@code storage} files. */
    private Map<String, Object> row(JsonNode agent, long storage) {
        long id = agent.path("id").asLong();
        Machine m = machines.get(id);
        boolean primary = "primary_storage".equals(agent.path("role").asText());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("agent_id", id);
        row.put("permission", agent.path("permission").asText());
        row.put("files_total", storage);
        boolean has = m != null && m.online() && m.error() == null;
        row.put("files_completed", has || primary ? storage : Math.min(storage, FILES_WHEN_OFFLINE));
        boolean indexing = primary && indexedSoFar >= 0;
        row.put("status", m == null ? "no peers" : m.error() != null ? "error" : indexing ? "indexing" : m.online() ? "synced" : "no peers");
        row.put("errors", m == null || m.error() == null ? List.of() : List.of(Map.of("code_str", "AGENT_ERROR", "message", m.error())));
        return row;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null) return out;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }
}
