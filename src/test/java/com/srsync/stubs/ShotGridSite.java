package com.srsync.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.srsync.sandbox.EntitySearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A ShotGrid site on WireMock that answers REST v1 {@code _search} as the real one does, over records
 * held here: the filters, {@code return_only}, sort, page size and number, and JSON:API rows (the
 * sandbox's {@link EntitySearch}), so paging by key or by number behaves as on a real site, records
 * can change between two pages, and a page can be made to fail. Built with one-liners, then
 * {@link #install()}ed. The WireMock server must come from {@link #server()}.
 */
public final class ShotGridSite implements EntitySearch.Records {
    public static final String TOKEN = "sg-access-token-1";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> TYPES = EntitySearch.TYPES;
    private static final Map<WireMockExtension, Responder> RESPONDERS = new ConcurrentHashMap<>();

    private final WireMockExtension server;
    private final Responder responder;
    private final Map<String, Map<Long, Map<String, Object>>> records = new LinkedHashMap<>();
    private final EntitySearch search = new EntitySearch(this);
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> hidden = new java.util.HashMap<>();
    private volatile BiConsumer<String, Map<String, Object>> beforeAnswer = (entity, request) -> { };

    /** A WireMock server that can play a ShotGrid site; register it with {@code @RegisterExtension}. */
    public static WireMockExtension server() {
        return server(wireMockConfig().dynamicPort());
    }

    public static WireMockExtension server(com.github.tomakehurst.wiremock.core.WireMockConfiguration options) {
        Responder responder = new Responder();
        WireMockExtension server = WireMockExtension.newInstance().options(options.extensions(responder)).build();
        RESPONDERS.put(server, responder);
        return server;
    }

    public ShotGridSite(WireMockExtension server) {
        this.server = server;
        this.responder = RESPONDERS.get(server);
        if (responder == null) throw new IllegalArgumentException("the WireMock server must come from ShotGridSite.server()");
    }

    public ShotGridSite project(long id, String tankName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "Project " + id);
        fields.put("tank_name", tankName);
        put("Project", id, fields);
        return this;
    }

    public ShotGridSite retiredProject(long id, String tankName) {
        put("Project", id, Map.of("name", "Old " + id, "tank_name", tankName, EntitySearch.RETIRED, true));
        return this;
    }

    public ShotGridSite shot(long id, long project, String code, String status, String sequence) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("sg_status_list", status);
        fields.put("sg_sequence", sequence == null ? null : ref("Sequence", 5, sequence));
        fields.put("project", ref("Project", project, "Project " + project));
        fields.put("assets", new ArrayList<>());
        put("Shot", id, fields);
        return this;
    }

    /** An asset of a project, used by no shot yet ({@link #uses}); {@code type} is its {@code sg_asset_type}. */
    public ShotGridSite asset(long id, long project, String type, String code, String status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("sg_asset_type", type);
        fields.put("sg_status_list", status);
        fields.put("project", ref("Project", project, "Project " + project));
        fields.put("shots", new ArrayList<>());
        put("Asset", id, fields);
        return this;
    }

    /** A task of an asset; assignees are {@link #user} or {@link #group} refs. */
    public ShotGridSite assetTask(long id, long assetId, ObjectNode... assignees) {
        return taskOf(id, "Asset", assetId, assignees);
    }

    /** The shot uses these assets (its {@code assets} field), and each asset lists the shot ({@code Asset.shots}), as ShotGrid keeps both. */
    @SuppressWarnings("unchecked")
    public synchronized ShotGridSite uses(long shotId, long... assetIds) {
        Map<String, Object> shot = get("Shot", shotId);
        for (long assetId : assetIds) {
            Map<String, Object> asset = get("Asset", assetId);
            ((List<Object>) shot.get("assets")).add(ref("Asset", assetId, (String) asset.get("code")));
            ((List<Object>) asset.get("shots")).add(ref("Shot", shotId, (String) shot.get("code")));
        }
        return this;
    }

    /** The shot no longer uses the asset: both sides forget the link. */
    @SuppressWarnings("unchecked")
    public synchronized ShotGridSite unlink(long shotId, long assetId) {
        ((List<Map<String, Object>>) get("Shot", shotId).get("assets")).removeIf(r -> ((Number) r.get("id")).longValue() == assetId);
        ((List<Map<String, Object>>) get("Asset", assetId).get("shots")).removeIf(r -> ((Number) r.get("id")).longValue() == shotId);
        return this;
    }

    /** A task of a shot; assignees are {@link #user} or {@link #group} refs. */
    public ShotGridSite task(long id, long shotId, ObjectNode... assignees) {
        return taskOf(id, "Shot", shotId, assignees);
    }

    private ShotGridSite taskOf(long id, String type, long entityId, ObjectNode... assignees) {
        Map<String, Object> entity = get(type, entityId);
        List<Object> list = new ArrayList<>();
        for (ObjectNode a : assignees) list.add(MAPPER.convertValue(a, Map.class));
        put("Task", id, Map.of("content", "task " + id, "entity", ref(type, entityId, (String) entity.get("code")),
                "project", entity.get("project"), "task_assignees", list));
        return this;
    }

    public ShotGridSite groupOf(long id, String name, ObjectNode... members) {
        List<Object> list = new ArrayList<>();
        for (ObjectNode m : members) list.add(MAPPER.convertValue(m, Map.class));
        put("Group", id, Map.of("code", name, "users", list));
        return this;
    }

    public ShotGridSite userDetails(long id, String name, String login, String email) {
        put("HumanUser", id, Map.of("name", name, "login", login, "email", email));
        return this;
    }

    /** Changes a field of a record, as someone editing ShotGrid would. */
    public synchronized ShotGridSite change(String type, long id, String field, Object value) {
        get(type, id).put(field, value);
        return this;
    }

    /** Leaves the field out of every answer about the entity type, as ShotGrid does for a field the script may not read. */
    public synchronized ShotGridSite hideField(String type, String field) {
        hidden.computeIfAbsent(type, t -> new java.util.HashSet<>()).add(field);
        return this;
    }

    /** Makes the {@code page}th page (counted by key) of every search of {@code entity} answer {@code status}. */
    public ShotGridSite failPage(String entity, int page, int status) {
        failures.add(new Failure(entity, page, status));
        return this;
    }

    /** Runs before each search of {@code entity} is answered (the entity's plural name, as in the URL). */
    public ShotGridSite beforeAnswer(BiConsumer<String, Map<String, Object>> hook) {
        this.beforeAnswer = hook;
        return this;
    }

    /** Answers every search after {@code millis}, as a site far away does (a studio's round trip to the cloud). */
    public ShotGridSite latency(long millis) {
        return beforeAnswer((entity, request) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The request bodies of the searches answered so far, as JSON, in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    public static ObjectNode user(long id, String name) {
        return F.objectNode().put("type", "HumanUser").put("id", id).put("name", name);
    }

    public static ObjectNode group(long id, String name) {
        return F.objectNode().put("type", "Group").put("id", id).put("name", name);
    }

    /** Registers the login and the search endpoint; this site answers the searches from now on. */
    public ShotGridSite install() {
        responder.site = this;
        server.stubFor(post("/api/v1/auth/access_token")
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"access_token\":\"" + TOKEN + "\",\"expires_in\":600,\"refresh_token\":\"r\"}")));
        server.stubFor(post(urlPathMatching("/api/v1/entity/[a-z_]+/_search"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/vnd+shotgun.api3_array+json"))
                .willReturn(aResponse().withTransformers(Responder.NAME)));
        return this;
    }

    @Override
    public synchronized List<Map<String, Object>> all(String type) {
        return new ArrayList<>(records.getOrDefault(type, Map.of()).values());
    }

    @Override
    public synchronized Map<String, Object> get(String type, long id) {
        return records.getOrDefault(type, Map.of()).get(id);
    }

    private synchronized void put(String type, long id, Map<String, Object> fields) {
        Map<String, Object> record = new LinkedHashMap<>(fields);
        record.put("type", type);
        record.put("id", id);
        records.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, record);
    }

    private static Map<String, Object> ref(String type, long id, String name) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("type", type);
        ref.put("id", id);
        ref.put("name", name);
        return ref;
    }

    private ResponseDefinition answer(String plural, String body) throws Exception {
        Map<String, Object> request = MAPPER.readValue(body, new TypeReference<Map<String, Object>>() {});
        asked.add(plural + " " + body);
        beforeAnswer.accept(plural, request);
        for (Failure f : failures) {
            if (f.entity.equals(plural) && pageOf(plural, request) == f.page) {
                return new ResponseDefinition(f.status, "{\"errors\": [{\"status\": " + f.status + ", \"title\": \"failing on purpose\"}]}");
            }
        }
        String type = TYPES.get(plural);
        if (type == null) return new ResponseDefinition(404, "{\"errors\": [{\"status\": 404, \"title\": \"unknown entity\"}]}");
        Map<String, Object> answer;
        synchronized (this) {
            answer = search.answer(type, request);
            for (Object row : (List<?>) answer.get("data")) {       // what the script's permission set hides is left out, as ShotGrid does
                for (String field : hidden.getOrDefault(type, Set.of())) {
                    ((Map<?, ?>) ((Map<?, ?>) row).get("attributes")).remove(field);
                    ((Map<?, ?>) ((Map<?, ?>) row).get("relationships")).remove(field);
                }
            }
        }
        return new ResponseDefinition(200, MAPPER.writeValueAsString(answer));
    }

    /** Which page (1-based) a request asks for: by number, or by key (how many rows of its result lie before the key). */
    @SuppressWarnings("unchecked")
    private synchronized int pageOf(String plural, Map<String, Object> request) {
        List<Object> filters = new ArrayList<>((List<Object>) request.getOrDefault("filters", List.of()));
        Long key = null;
        for (Object f : List.copyOf(filters)) {
            List<Object> filter = (List<Object>) f;
            if ("id".equals(filter.get(0)) && "greater_than".equals(filter.get(1))) {
                key = ((Number) filter.get(2)).longValue();
                filters.remove(f);
            }
        }
        int size = ((Number) ((Map<String, Object>) request.getOrDefault("page", Map.of("size", 500))).get("size")).intValue();
        if (key == null || key == 0) return ((Number) ((Map<String, Object>) request.getOrDefault("page", Map.of("number", 1))).get("number")).intValue();
        Map<String, Object> all = new LinkedHashMap<>(request);
        all.put("filters", filters);
        all.put("fields", "id");
        all.put("page", Map.of("size", 500, "number", 1));
        long before = 0;
        for (int n = 1; ; n++) {
            all.put("page", Map.of("size", 500, "number", n));
            List<Map<String, Object>> rows = (List<Map<String, Object>>) search.answer(TYPES.get(plural), all).get("data");
            for (Map<String, Object> row : rows) if (((Number) row.get("id")).longValue() <= key) before++;
            if (rows.size() < 500) break;
        }
        return (int) (before / size) + 1;
    }

    private record Failure(String entity, int page, int status) {}

    /** Hands each search to the site installed on this server. */
    static final class Responder implements ResponseDefinitionTransformerV2 {
        static final String NAME = "shotgrid-site";
        volatile ShotGridSite site;

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String path = event.getRequest().getUrl();
            String plural = path.replaceFirst("^/api/v1/entity/", "").replaceFirst("/_search.*$", "");
            try {
                return site.answer(plural, event.getRequest().getBodyAsString());
            } catch (Exception e) {
                return new ResponseDefinition(500, "{\"errors\": [{\"status\": 500, \"title\": \"" + e + "\"}]}");
            }
        }
    }

    public static String json(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
