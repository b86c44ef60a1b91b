package com.srsync.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ShotGrid site on WireMock answering REST v1 as the real one does: JSON:API rows with
 * {@code attributes} and {@code relationships}, 500 rows a page, a login that hands out a token.
 * Built with one-liners, then {@link #install()}ed.
 */
public final class ShotGridSite {
    public static final String TOKEN = "sg-access-token-1";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WireMockExtension server;
    private final Map<Long, ObjectNode> projects = new LinkedHashMap<>();
    private final List<ObjectNode> retiredProjects = new ArrayList<>();
    private final Map<Long, ObjectNode> shots = new LinkedHashMap<>();
    private final Map<Long, Long> shotProject = new LinkedHashMap<>();
    private final List<ObjectNode> tasks = new ArrayList<>();
    private final Map<Long, Long> taskProject = new LinkedHashMap<>();
    private final List<ObjectNode> groups = new ArrayList<>();
    private final List<ObjectNode> users = new ArrayList<>();

    public ShotGridSite(WireMockExtension server) {
        this.server = server;
    }

    public ShotGridSite project(long id, String tankName) {
        projects.put(id, row("Project", id, Map.of("name", "Project " + id, "tank_name", tankName == null ? "" : tankName)));
        if (tankName == null) projects.get(id).with("attributes").putNull("tank_name");
        return this;
    }

    public ShotGridSite retiredProject(long id, String tankName) {
        retiredProjects.add(row("Project", id, Map.of("name", "Old " + id, "tank_name", tankName)));
        return this;
    }

    public ShotGridSite shot(long id, long project, String code, String status, String sequence) {
        ObjectNode shot = row("Shot", id, Map.of("code", code, "sg_status_list", status));
        ObjectNode rel = shot.with("relationships");
        if (sequence == null) rel.putObject("sg_sequence").putNull("data");
        else rel.putObject("sg_sequence").set("data", ref("Sequence", 5, sequence));
        rel.putObject("project").set("data", ref("Project", project, "Project " + project));
        shots.put(id, shot);
        shotProject.put(id, project);
        return this;
    }

    /** A task of a shot; assignees are {@link #user} or {@link #group} refs. */
    public ShotGridSite task(long id, long shotId, ObjectNode... assignees) {
        ObjectNode task = row("Task", id, Map.of("content", "task " + id));
        ObjectNode rel = task.with("relationships");
        rel.putObject("entity").set("data", ref("Shot", shotId, shots.get(shotId).path("attributes").path("code").asText()));
        ArrayNode list = rel.putObject("task_assignees").putArray("data");
        for (ObjectNode a : assignees) list.add(a);
        tasks.add(task);
        taskProject.put(id, shotProject.get(shotId));
        return this;
    }

    public ShotGridSite groupOf(long id, String name, ObjectNode... members) {
        ObjectNode group = row("Group", id, Map.of("code", name));
        ArrayNode list = group.with("relationships").putObject("users").putArray("data");
        for (ObjectNode m : members) list.add(m);
        groups.add(group);
        return this;
    }

    public ShotGridSite userDetails(long id, String name, String login, String email) {
        users.add(row("HumanUser", id, Map.of("name", name, "login", login, "email", email)));
        return this;
    }

    public static ObjectNode user(long id, String name) {
        return ref("HumanUser", id, name);
    }

    public static ObjectNode group(long id, String name) {
        return ref("Group", id, name);
    }

    /** Registers the login and every search this site answers; shots and tasks only for the project asked about. */
    public ShotGridSite install() {
        server.stubFor(post("/api/v1/auth/access_token")
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"access_token\":\"" + TOKEN + "\",\"expires_in\":600,\"refresh_token\":\"r\"}")));
        pages("projects", () -> search("projects").withRequestBody(matchingJsonPath("$.options.return_only", equalTo("active"))),
                new ArrayList<>(projects.values()));
        pages("projects", () -> search("projects").withRequestBody(matchingJsonPath("$.options.return_only", equalTo("retired"))),
                retiredProjects);
        for (long project : projects.keySet()) {
            pages("shots", () -> search("shots").withRequestBody(matchingJsonPath("$.filters[0][2].id", equalTo(String.valueOf(project)))),
                    shots.entrySet().stream().filter(e -> shotProject.get(e.getKey()) == project).map(Map.Entry::getValue).toList());
            pages("tasks", () -> search("tasks").withRequestBody(matchingJsonPath("$.filters[0][2].id", equalTo(String.valueOf(project)))),
                    tasks.stream().filter(t -> taskProject.get(t.path("id").asLong()) == project).toList());
        }
        pages("shots", () -> search("shots").withRequestBody(matchingJsonPath("$.filters[0][0]", equalTo("sg_status_list"))),
                new ArrayList<>(shots.values()));
        pages("groups", () -> search("groups"), groups);
        pages("human_users", () -> search("human_users"), users);
        return this;
    }

    private static MappingBuilder search(String entity) {
        return post("/api/v1/entity/" + entity + "/_search")
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/vnd+shotgun.api3_array+json"));
    }

    /** One stub per page of 500 rows, and the empty page after a full last one. */
    private void pages(String entity, java.util.function.Supplier<MappingBuilder> match, List<ObjectNode> rows) {
        int pages = rows.size() / 500 + 1;
        for (int page = 1; page <= pages; page++) {
            ObjectNode body = F.objectNode();
            ArrayNode data = body.putArray("data");
            rows.subList((page - 1) * 500, Math.min(rows.size(), page * 500)).forEach(data::add);
            body.putObject("links").put("self", "/api/v1/entity/" + entity + "/_search").put("next", "/api/v1/entity/" + entity + "/_search?page=" + (page + 1));
            server.stubFor(match.get().withRequestBody(matchingJsonPath("$.page.number", equalTo(String.valueOf(page))))
                    .willReturn(okJson(body.toString())));
        }
    }

    private static ObjectNode row(String type, long id, Map<String, String> attributes) {
        ObjectNode row = F.objectNode();
        row.put("type", type).put("id", id);
        ObjectNode attrs = row.putObject("attributes");
        attributes.forEach(attrs::put);
        row.putObject("relationships");
        row.putObject("links").put("self", "/api/v1/entity/" + type.toLowerCase() + "s/" + id);
        return row;
    }

    private static ObjectNode ref(String type, long id, String name) {
        ObjectNode ref = F.objectNode();
        ref.put("type", type).put("id", id).put("name", name);
        return ref;
    }

    public static String json(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
