package com.srsync.resilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.config.Secret;
import com.srsync.http.JsonHttp;
import com.srsync.http.RemoteCallException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/** The console's job calls, one method each, authorised with {@code Authorization: Token <token>}. */
public final class ResilioClient {
    private final URI apiRoot;
    private final Secret token;
    private final JsonHttp http;

    public ResilioClient(URI console, Secret token, JsonHttp http) {
        this.apiRoot = URI.create(console.toString().replaceAll("/+$", "") + "/api/v2");
        this.token = token;
        this.http = http;
    }

    public List<JsonNode> listJobs() {
        JsonNode body = http.send(request("/jobs").GET(), "GET /jobs").body();
        if (!body.isArray()) throw new RemoteCallException("Resilio", "GET /jobs", 200, "answer is not a list of jobs", null, null);
        List<JsonNode> jobs = new ArrayList<>();
        body.forEach(jobs::add);
        return jobs;
    }

    public JsonNode getJob(long id) {
        return http.send(request("/jobs/" + id).GET(), "GET /jobs/" + id).body();
    }

    /** Creates a job and returns its id. */
    public long createJob(JsonNode body) {
        JsonNode answer = http.send(request("/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST /jobs").body();
        return answer.path("id").asLong(0);
    }

    public void updateJob(long id, JsonNode body) {
        http.send(request("/jobs/" + id).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())), "PUT /jobs/" + id);
    }

    /** Deletes a job; false when it was already gone (404). */
    public boolean deleteJob(long id) {
        return http.send(request("/jobs/" + id).DELETE(), "DELETE /jobs/" + id, 404).status() != 404;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiRoot + path))
                .header("Authorization", "Token " + token.reveal())
                .header("Accept", "application/json");
    }
}
