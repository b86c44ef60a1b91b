package com.srsync.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ShotGrid site for the sandbox: REST v1 login and {@code _search} (the filters, fields, paging and
 * JSON:API answers the service uses), and controls a person drives with curl:
 * <pre>
 *   GET    /sandbox/studio                              shots and assets, their tasks and assignees, who uses what
 *   POST   /sandbox/shots/{id}/status/{status}          e.g. /sandbox/shots/1214/status/active
 *   POST   /sandbox/assets/{id}/status/{status}         e.g. /sandbox/assets/701/status/hld
 *   POST   /sandbox/tasks/{id}/assignees/{userId}       assign an artist (a shot's task or an asset's)
 *   DELETE /sandbox/tasks/{id}/assignees/{userId}       unassign
 *   POST   /sandbox/shots/{id}/assets/{assetId}         the shot uses the asset (Shot.assets, Asset.shots)
 *   DELETE /sandbox/shots/{id}/assets/{assetId}         it no longer does
 * </pre>
 * Its webhooks ({@code /api/v1/webhook/hooks}) are those a studio following the table made, pointing at the sandboxed
 * service ({@link SimulatedHooks}).
 * Each change is sent to the service as a signed webhook delivery, as ShotGrid would send it. The Shot has the
 * studio's own text field {@value SandboxStudio#DELIVERY_FIELD} (its schema is served, and a write onto a shot
 * takes it), so the delivery summaries show in {@code /sandbox/studio}.
 */
final class SimulatedShotGrid extends SandboxHttp {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedShotGrid.class);
    private static final Map<String, String> TYPES = EntitySearch.TYPES;
    static final String TOKEN = "sandbox-shotgrid-token";

    private final SandboxStudio studio;
    private final SimulatedHooks hooks;
    private final EntitySearch search;
    private final URI webhook;
    private final String secret;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong eventIds = new AtomicLong(1_000_000);

    SimulatedShotGrid(SandboxStudio studio, int port, URI webhook, String secret) throws IOException {
        super(port);
        this.hooks = new SimulatedHooks(webhook.toString().replace("127.0.0.1", "localhost"));
        this.studio = studio;
        this.search = new EntitySearch(studio);
        this.webhook = webhook;
        this.secret = secret;
    }

    @Override
    protected Object handle(String method, String path, byte[] body, HttpExchange exchange) throws Exception {
        String[] p = path.replaceAll("^/+|/+$", "").split("/");
        if (path.equals("/api/v1/auth/access_token") && method.equals("POST")) {
            return Map.of("token_type", "Bearer", "access_token", TOKEN, "expires_in", 600, "refresh_token", "r");
        }
        if (p.length >= 3 && p[0].equals("api") && !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Status(401, Map.of("errors", List.of(Map.of("status", 401, "title", "not logged in"))));
        }
        boolean api = p.length >= 3 && p[0].equals("api");
        if (api && p.length == 5 && p[2].equals("entity") && p[4].equals("_search") && method.equals("POST")) {
            String type = TYPES.get(p[3]);
            if (type == null) throw new NoSuchElementException("unknown entity " + p[3]);
            return search.answer(type, mapper.readValue(body, new TypeReference<Map<String, Object>>() {}));
        }
        if (api && p.length == 6 && p[2].equals("schema") && p[3].equals("Shot") && p[4].equals("fields") && method.equals("GET")) return field(p[5]);
        if (api && p.length >= 4 && p[2].equals("webhook") && p[3].equals("hooks")) return hooks(method, p, body);
        if (api && p.length == 5 && p[2].equals("entity") && p[3].equals("shots") && method.equals("PUT")) {
            return write(Long.parseLong(p[4]), mapper.readValue(body, new TypeReference<Map<String, Object>>() {}));
        }
        if (p.length >= 2 && p[0].equals("sandbox")) return control(method, p);
        throw new NoSuchElementException("no such endpoint: " + method + " " + path);
    }

    SimulatedHooks hooks() {
        return hooks;
    }

    /** The REST webhook API: list, create, update (partial). */
    private Object hooks(String method, String[] p, byte[] body) throws IOException {
        if (p.length == 4 && method.equals("GET")) return hooks.list();
        if (p.length == 4 && method.equals("POST")) return new Status(201, hooks.create(mapper.readValue(body, new TypeReference<Map<String, Object>>() {})));
        if (p.length == 5 && method.equals("PUT")) return hooks.update(p[4], mapper.readValue(body, new TypeReference<Map<String, Object>>() {}));
        throw new NoSuchElementException("no such endpoint: " + method + " " + String.join("/", p));
    }

    /** {@code GET /api/v1/schema/Shot/fields/{field}}: the one custom text field the sandbox's Shot has; 404 for any other. */
    private Object field(String name) {
        if (!SandboxStudio.DELIVERY_FIELD.equals(name)) {
            return new Status(404, Map.of("errors", List.of(Map.of("status", 404, "title", "field Shot." + name + " not found"))));
        }
        return Map.of("data", Map.of("name", Map.of("value", "Resilio delivery", "editable", true),
                "data_type", Map.of("value", "text", "editable", false), "editable", Map.of("value", true, "editable", false),
                "entity_type", Map.of("value", "Shot", "editable", false)));
    }

    /** {@code PUT /api/v1/entity/shots/{id}}: only the delivery field is taken; another field is refused as ShotGrid refuses it. */
    private Object write(long shot, Map<String, Object> fields) {
        for (String field : fields.keySet()) {
            if (!SandboxStudio.DELIVERY_FIELD.equals(field)) {
                return new Status(400, Map.of("errors", List.of(Map.of("status", 400, "title",
                        "field " + field + " does not exist or user does not have access permission"))));
            }
        }
        Map<String, Object> record = studio.update("Shot", shot, fields);
        if (record == null) return new Status(404, Map.of("errors", List.of(Map.of("status", 404, "title", "Shot " + shot + " not found"))));
        return Map.of("data", Map.of("type", "Shot", "id", shot, "attributes", fields));
    }

    private Object control(String method, String[] p) {
        if (p[1].equals("studio") && method.equals("GET")) return studioView();
        if (p.length == 5 && (p[1].equals("shots") || p[1].equals("assets")) && p[3].equals("status") && method.equals("POST")) {
            String type = p[1].equals("shots") ? "Shot" : "Asset";
            long id = Long.parseLong(p[2]);
            Object old = studio.setStatus(type, id, p[4]);
            send(type, id, "sg_status_list", Map.of("type", "attribute_change", "attribute_name", "sg_status_list",
                    "entity_type", type, "entity_id", id, "old_value", String.valueOf(old), "new_value", p[4]));
            return Map.of(type.toLowerCase(java.util.Locale.ROOT), id, "sg_status_list", p[4], "was", String.valueOf(old), "webhook", "sent");
        }
        if (p.length == 5 && p[1].equals("shots") && p[3].equals("assets") && (method.equals("POST") || method.equals("DELETE"))) {
            long shot = Long.parseLong(p[2]);
            long asset = Long.parseLong(p[4]);
            boolean add = method.equals("POST");
            if (studio.link(shot, asset, add)) {
                Map<String, Object> which = studio.ref("Asset", asset);
                send("Shot", shot, "assets", Map.of("type", "attribute_change", "attribute_name", "assets", "entity_type", "Shot",
                        "entity_id", shot, "added", add ? List.of(which) : List.of(), "removed", add ? List.of() : List.of(which)));
            }
            return Map.of("shot", shot, (add ? "uses" : "no_longer_uses"), asset, "webhook", "sent");
        }
        if (p.length == 5 && p[1].equals("tasks") && p[3].equals("assignees") && (method.equals("POST") || method.equals("DELETE"))) {
            long task = Long.parseLong(p[2]);
            long user = Long.parseLong(p[4]);
            boolean add = method.equals("POST");
            if (studio.assign(task, user, add)) {
                Map<String, Object> who = studio.ref("HumanUser", user);
                send("Task", task, "task_assignees", Map.of("type", "attribute_change", "attribute_name", "task_assignees",
                        "entity_type", "Task", "entity_id", task, "added", add ? List.of(who) : List.of(), "removed", add ? List.of() : List.of(who)));
            }
            return Map.of("task", task, (add ? "assigned" : "unassigned"), user, "webhook", "sent");
        }
        throw new NoSuchElementException("no such control: " + String.join("/", p));
    }

    private Map<String, Object> studioView() {
        List<Object> shots = new ArrayList<>();
        for (Map<String, Object> shot : studio.all("Shot")) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", shot.get("id"));
            view.put("code", shot.get("code"));
            view.put("sg_status_list", shot.get("sg_status_list"));
            view.put(SandboxStudio.DELIVERY_FIELD, shot.get(SandboxStudio.DELIVERY_FIELD));
            view.put("tasks", tasksOf("Shot", shot.get("id")));
            view.put("assets", names(shot.get("assets")));
            shots.add(view);
        }
        List<Object> assets = new ArrayList<>();
        for (Map<String, Object> asset : studio.all("Asset")) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", asset.get("id"));
            view.put("code", asset.get("code"));
            view.put("sg_asset_type", asset.get("sg_asset_type"));
            view.put("sg_status_list", asset.get("sg_status_list"));
            view.put("tasks", tasksOf("Asset", asset.get("id")));
            view.put("used_by", names(asset.get("shots")));
            assets.add(view);
        }
        return Map.of("project", Map.of("id", 155, "tank_name", "TST"), "shots", shots, "assets", assets,
                "users", studio.all("HumanUser").stream().map(u -> Map.of("id", u.get("id"), "name", u.get("name"))).toList());
    }

    /** The tasks of one shot or asset, with their assignees. */
    private List<Object> tasksOf(String type, Object id) {
        List<Object> tasks = new ArrayList<>();
        for (Map<String, Object> task : studio.all("Task")) {
            Map<?, ?> entity = (Map<?, ?>) task.get("entity");
            if (type.equals(entity.get("type")) && ((Number) entity.get("id")).longValue() == ((Number) id).longValue()) {
                tasks.add(Map.of("id", task.get("id"), "content", task.get("content"), "assignees", task.get("task_assignees")));
            }
        }
        return tasks;
    }

    /** "id name" of each entity of a multi-entity field. */
    private static List<String> names(Object refs) {
        return ((List<?>) refs).stream().map(r -> ((Map<?, ?>) r).get("id") + " " + ((Map<?, ?>) r).get("name")).toList();
    }

    /** Sends a change to the service as ShotGrid does: one delivery, signed over its raw bytes. */
    private void send(String entity, long id, String attribute, Map<String, Object> meta) {
        Map<String, Object> data = new LinkedHashMap<>();
        long eventId = eventIds.incrementAndGet();
        data.put("id", "sandbox." + eventId);
        data.put("event_log_entry_id", eventId);
        data.put("event_type", "Shotgun_" + entity + "_Change");
        data.put("operation", "update");
        data.put("user", Map.of("type", "HumanUser", "id", 42));
        data.put("entity", Map.of("type", entity, "id", id));
        data.put("project", Map.of("type", "Project", "id", 155));
        data.put("meta", meta);
        data.put("created_at", Instant.now().toString().replace('T', ' ').replace("Z", ""));
        data.put("attribute_name", attribute);
        try {
            byte[] body = mapper.writeValueAsBytes(Map.of("data", data, "timestamp", Instant.now().toString()));
            HttpRequest request = HttpRequest.newBuilder(webhook).header("Content-Type", "application/json; charset=utf-8")
                    .header("x-sg-signature", "sha1=" + hmac(body)).header("x-sg-delivery-id", "sandbox-" + eventId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) ->
                    LOG.info("Sandbox ShotGrid sent {} {} {} to {}: {}", entity, id, attribute, webhook, e == null ? r.statusCode() + " " + r.body() : e.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot send the sandbox webhook", e);
        }
    }

    private String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
