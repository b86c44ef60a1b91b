package com.srsync.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * {@code /observe/health}, {@code /observe/health/live} and {@code /observe/health/ready} on the
 * public port (routes/observe.yaml). Anyone gets the overall status and each check's name and status;
 * only a request with the admin token gets what each check says (an upstream's error, a file's path),
 * since those can name hosts and folders of the studio. Nothing else is read from the request: no
 * stack traces, no check data, whatever its query asks for. Always valid JSON (Jackson writes it).
 */
public final class HealthReport {
    /** An answer: its HTTP status and JSON body. */
    public record Answer(int status, String json) {}

    private static final String PREFIX = "/observe/health";

    private final CamelContext context;
    private final Predicate<String> admin;
    private final ObjectMapper mapper;

    /** @param admin whether an Authorization header carries the admin token */
    public HealthReport(CamelContext context, Predicate<String> admin, ObjectMapper mapper) {
        this.context = context;
        this.admin = admin;
        this.mapper = mapper;
    }

    /** @param path the request's path: {@code /observe/health}, {@code /observe/health/live} or {@code /observe/health/ready} */
    public Answer answer(String path, String authorization) throws Exception {
        String which = path == null || !path.startsWith(PREFIX) ? "" : path.substring(PREFIX.length());
        if (which.endsWith("/")) which = which.substring(0, which.length() - 1);
        Collection<HealthCheck.Result> results;
        boolean readiness = false;
        switch (which) {
            case "" -> results = HealthCheckHelper.invoke(context);
            case "/live" -> results = HealthCheckHelper.invokeLiveness(context);
            case "/ready" -> {
                results = HealthCheckHelper.invokeReadiness(context);
                readiness = true;
            }
            default -> {
                return new Answer(404, "{\"error\":\"not found: /observe/health, /observe/health/live or /observe/health/ready\"}");
            }
        }
        boolean up = HealthCheckHelper.isResultsUp(results, readiness);
        boolean details = admin.test(authorization);
        ObjectNode root = mapper.createObjectNode().put("status", up ? "UP" : "DOWN");
        ArrayNode checks = root.putArray("checks");
        List<HealthCheck.Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(r -> r.getCheck().getId()));
        for (HealthCheck.Result r : sorted) {
            ObjectNode check = checks.addObject().put("name", r.getCheck().getId()).put("status", r.getState().name());
            if (!details) continue;
            r.getMessage().ifPresent(m -> check.put("message", m));
            r.getError().ifPresent(e -> check.put("error", messages(e)));
        }
        return new Answer(up ? 200 : 503, mapper.writeValueAsString(root));
    }

    /** An error's messages down its causes, without class names or stack frames. */
    private static String messages(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null && out.length() < 1000; t = t.getCause()) {
            if (t.getMessage() == null || out.indexOf(t.getMessage()) >= 0) continue;
            if (!out.isEmpty()) out.append("; ");
            out.append(t.getMessage());
        }
        return out.toString();
    }
}
