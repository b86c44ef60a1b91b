package com.srsync.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A Resilio console on WireMock: {@code GET /jobs} answers the jobs given, each job readable by id,
 * and creates, updates and deletes answer as the console does. The request journal shows what was written.
 */
public final class ResilioConsole {
    public static final String TOKEN = "resilio-api-token-1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WireMockExtension server;
    private final List<JsonNode> jobs = new ArrayList<>();
    private long nextId = 2000;

    public ResilioConsole(WireMockExtension server) {
        this.server = server;
    }

    /** A job as the console lists it, with read-only keys the console adds. */
    public ResilioConsole job(long id, String json) {
        try {
            ObjectNode job = (ObjectNode) MAPPER.readTree(json);
            job.put("id", id);
            job.put("created_at", 1732100000);
            job.putObject("access").put("owner", "admin");
            jobs.add(job);
            return this;
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    public ResilioConsole install() {
        ArrayNode list = MAPPER.createArrayNode();
        jobs.forEach(list::add);
        server.stubFor(get("/api/v2/jobs").withHeader("Authorization", equalTo("Token " + TOKEN)).willReturn(okJson(list.toString())));
        for (JsonNode job : jobs) {
            String path = "/api/v2/jobs/" + job.path("id").asLong();
            server.stubFor(get(path).withHeader("Authorization", equalTo("Token " + TOKEN)).willReturn(okJson(job.toString())));
            server.stubFor(put(path).withHeader("Authorization", equalTo("Token " + TOKEN)).willReturn(okJson("{}")));
            server.stubFor(delete(path).withHeader("Authorization", equalTo("Token " + TOKEN)).willReturn(noContent()));
        }
        server.stubFor(post("/api/v2/jobs").withHeader("Authorization", equalTo("Token " + TOKEN))
                .willReturn(okJson("{\"id\": " + nextId + "}")));
        return this;
    }

    /** Every write the service made: POST, PUT and DELETE requests, in order. */
    public List<LoggedRequest> writes() {
        List<LoggedRequest> writes = new ArrayList<>();
        writes.addAll(server.findAll(postRequestedFor(urlMatching("/api/v2/.*"))));
        writes.addAll(server.findAll(putRequestedFor(urlMatching("/api/v2/.*"))));
        writes.addAll(server.findAll(deleteRequestedFor(urlMatching("/api/v2/.*"))));
        return writes;
    }

    public static JsonNode body(LoggedRequest request) {
        try {
            return MAPPER.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
