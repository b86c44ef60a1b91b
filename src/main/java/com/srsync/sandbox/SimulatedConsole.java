package com.srsync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Resilio console for the sandbox: the jobs API ({@code /api/v2/jobs}, token required) and, for
 * people, {@code GET /} listing the jobs as JSON. To try failures: {@code POST /sandbox/outage/N} refuses
 * the next N writes with 503, {@code POST /sandbox/throttle/N?retry_after=S} answers them 429 with
 * {@code Retry-After: S}; {@code GET /sandbox/writes} lists the writes it accepted, oldest first.
 * It also serves the agents ({@code GET /api/v2/agents}) and one run per job with its agents' rows
 * ({@code /api/v2/runs}, {@code /api/v2/runs/{id}/agents}); {@code POST /sandbox/agents/{id}/offline},
 * {@code .../online} and {@code .../error?message=...} change a machine, {@code POST /sandbox/storage/indexing} and
 * {@code .../settled} the studio storage, as {@link SimulatedAgents} says.
 */
final class SimulatedConsole extends SandboxHttp {
    static final String TOKEN = "sandbox-resilio-token";

    private final Map<Long, ObjectNode> jobs = new TreeMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private int writesToRefuse;
    private int writesToThrottle;
    private String throttleFor = "0";
    private final List<Map<String, Object>> accepted = new java.util.ArrayList<>();
    private final SimulatedAgents agents = new SimulatedAgents();

    SimulatedConsole(int port) throws IOException {
        super(port);
    }

    /** The jobs as they are now, at one moment (no request is half-applied). */
    synchronized List<ObjectNode> jobs() {
        return List.copyOf(jobs.values());
    }

    @Override
    protected synchronized Object handle(String method, String path, byte[] body, HttpExchange exchange) throws Exception {
        if (path.equals("/") && method.equals("GET")) return List.copyOf(jobs.values());
        if (path.startsWith("/sandbox/")) return control(method, path, exchange.getRequestURI().getQuery());
        if (!path.startsWith("/api/v2/")) throw new NoSuchElementException("no such endpoint: " + path);
        if (!("Token " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Status(401, Map.of("message", "Authorization required"));
        }
        if (path.equals("/api/v2/agents") && method.equals("GET")) return agents.list();
        if (path.startsWith("/api/v2/runs") && method.equals("GET")) return agents.runs(path, exchange.getRequestURI().getQuery(), jobs);
        if (!path.startsWith("/api/v2/jobs")) throw new NoSuchElementException("no such endpoint: " + path);
        if (!method.equals("GET")) {
            Object refused = refusal(exchange);
            if (refused != null) return refused;
            accepted.add(Map.of("method", method, "path", path, "at", System.currentTimeMillis(),
                    "body", body.length == 0 ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        }
        return jobs(method, path.substring("/api/v2/jobs".length()).replaceAll("^/|/$", ""), body);
    }

    /** The endpoints for people trying failures and machines: /sandbox/outage, /throttle, /writes, /agents. */
    private Object control(String method, String path, String query) {
        if (path.startsWith("/sandbox/outage/") && method.equals("POST")) {          // the next N writes answer 503, as a console under maintenance
            writesToRefuse = Integer.parseInt(path.substring("/sandbox/outage/".length()));
            return Map.of("writes_refused_next", writesToRefuse);
        }
        if (path.startsWith("/sandbox/throttle/") && method.equals("POST")) {        // the next N writes answer 429 + Retry-After, as a busy console
            writesToThrottle = Integer.parseInt(path.substring("/sandbox/throttle/".length()));
            throttleFor = query != null && query.startsWith("retry_after=") ? String.valueOf(Long.parseLong(query.substring(12))) : "30";
            return Map.of("writes_throttled_next", writesToThrottle, "retry_after", Long.parseLong(throttleFor));
        }
        if (path.equals("/sandbox/writes") && method.equals("GET")) return List.copyOf(accepted);
        if (path.startsWith("/sandbox/agents/") && method.equals("POST")) return agents.change(path, query);
        if (path.startsWith("/sandbox/storage/") && method.equals("POST")) return agents.storage(path);
        throw new NoSuchElementException("no such endpoint: " + method + " " + path);
    }

    /** A write refused by an outage or a throttle the sandbox was asked for; null when it is taken. */
    private Object refusal(HttpExchange exchange) {
        if (writesToRefuse > 0) {
            writesToRefuse--;
            return new Status(503, Map.of("message", "Service Unavailable (sandbox outage)"));
        }
        if (writesToThrottle > 0) {
            writesToThrottle--;
            exchange.getResponseHeaders().set("Retry-After", throttleFor);
            return new Status(429, Map.of("message", "Too Many Requests (sandbox throttle)"));
        }
        return null;
    }

    /** The jobs API: {@code rest} is what follows /api/v2/jobs (empty, or a job id). */
    private Object jobs(String method, String rest, byte[] body) throws IOException {
        if (rest.isEmpty()) {
            if (method.equals("GET")) return List.copyOf(jobs.values());
            if (method.equals("POST")) {
                ObjectNode job = (ObjectNode) mapper.readTree(body);
                long id = ids.incrementAndGet();
                job.put("id", id);
                job.put("created_at", System.currentTimeMillis() / 1000);
                jobs.put(id, job);
                return Map.of("id", id);
            }
            throw new NoSuchElementException("no such endpoint: " + method + " /api/v2/jobs");
        }
        long id = Long.parseLong(rest);
        ObjectNode job = jobs.get(id);
        if (job == null) throw new NoSuchElementException("job " + id + " not found");
        switch (method) {
            case "GET":
                return job;
            case "PUT":
                ObjectNode update = (ObjectNode) mapper.readTree(body);
                update.put("id", id);
                update.set("created_at", job.get("created_at"));
                jobs.put(id, update);
                return Map.of();
            case "DELETE":
                jobs.remove(id);
                return new Status(204, null);
            default:
                throw new NoSuchElementException("no such endpoint: " + method + " /api/v2/jobs/" + id);
        }
    }
}
