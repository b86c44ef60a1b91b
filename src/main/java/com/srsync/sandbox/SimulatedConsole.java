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
 * people, {@code GET /} listing the jobs as JSON.
 */
final class SimulatedConsole extends SandboxHttp {
    static final String TOKEN = "sandbox-resilio-token";

    private final Map<Long, ObjectNode> jobs = new TreeMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private int writesToRefuse;

    SimulatedConsole(int port) throws IOException {
        super(port);
    }

    @Override
    protected synchronized Object handle(String method, String path, byte[] body, HttpExchange exchange) throws Exception {
        if (path.equals("/") && method.equals("GET")) return List.copyOf(jobs.values());
        if (path.startsWith("/sandbox/outage/") && method.equals("POST")) {          // the next N writes answer 503, as a console under maintenance
            writesToRefuse = Integer.parseInt(path.substring("/sandbox/outage/".length()));
            return Map.of("writes_refused_next", writesToRefuse);
        }
        if (!path.startsWith("/api/v2/jobs")) throw new NoSuchElementException("no such endpoint: " + path);
        if (!("Token " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Status(401, Map.of("message", "Authorization required"));
        }
        if (!method.equals("GET") && writesToRefuse > 0) {
            writesToRefuse--;
            return new Status(503, Map.of("message", "Service Unavailable (sandbox outage)"));
        }
        String rest = path.substring("/api/v2/jobs".length()).replaceAll("^/|/$", "");
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
        } else {
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
                    break;
            }
        }
        throw new NoSuchElementException("no such endpoint: " + method + " " + path);
    }
}
