package com.srsync.shotgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.reconcile.AssetRecord;
import com.srsync.reconcile.ProjectDirectory;
import com.srsync.reconcile.ProjectSnapshot;
import com.srsync.reconcile.ShotGridUser;
import com.srsync.reconcile.ShotRecord;
import com.srsync.reconcile.SyncRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Builds what the plan reads from the rows of ShotGrid's searches: the site's projects, and one
 * project's active shots with the users of all their tasks (groups expanded) - with {@code assets: per_asset}
 * also the assets they use and the active assets, with the users of the active assets' tasks. Pure: the routes
 * read the rows ({@code routes/shotgrid.yaml}), this only maps them.
 */
public final class SnapshotAssembly {
    private final Supplier<SyncRules> rules;

    /** @param rules the rules in force (artists.yaml may change while the service runs) */
    public SnapshotAssembly(Supplier<SyncRules> rules) {
        this.rules = rules;
    }

    /** The site's projects from the rows of the two project searches (outside and in the trash). */
    public ProjectDirectory directory(List<?> activeProjects, List<?> retiredProjects) {
        Map<Long, String> active = new LinkedHashMap<>();
        for (JsonNode row : rows(activeProjects)) active.put(row.path("id").asLong(), text(row.path("attributes").path("tank_name")));
        Set<String> retired = new HashSet<>();
        for (JsonNode row : rows(retiredProjects)) {
            String tank = text(row.path("attributes").path("tank_name"));
            if (tank != null) retired.add(tank);
        }
        return new ProjectDirectory(active, retired);
    }

    /** Fails with {@link UnknownProjectException} when the project is not in ShotGrid, or in the trash. */
    public void requireKnown(long projectId, ProjectDirectory directory) {
        if (!directory.isActive(projectId)) throw new UnknownProjectException(projectId);
    }

    /** True when the snapshot must hold assets: the rules in force, or a candidate artists.yaml a plan previews, are per_asset. */
    public boolean readsAssets(SyncRules candidate) {
        return rules.get().assets().perAsset() || candidate != null && candidate.assets().perAsset();
    }

    /** The groups assigned to tasks of the project's active shots: whose members must be read. */
    public Set<Long> groupIds(List<?> shots, List<?> tasks) {
        return groupIds(shots, tasks, null, null);
    }

    /** The groups assigned to tasks of the project's active shots and (when read) active assets: whose members must be read. */
    public Set<Long> groupIds(List<?> shots, List<?> tasks, List<?> activeAssets, List<?> assetTasks) {
        Set<Long> groups = new TreeSet<>();
        forEachTaskOf(shots, tasks, "Shot", task -> forEachAssignee(task, (id, name) -> { }, groups::add));
        forEachTaskOf(activeAssets, assetTasks, "Asset", task -> forEachAssignee(task, (id, name) -> { }, groups::add));
        return groups;
    }

    /**
     * The users whose logins and e-mails must be read: none unless artists.yaml (or the candidate
     * artists.yaml a plan previews, when not null) matches by login or e-mail.
     */
    public Set<Long> userIds(List<?> shots, List<?> tasks, List<?> groups, SyncRules candidate) {
        return userIds(shots, tasks, null, null, groups, candidate);
    }

    /** As {@link #userIds(List, List, List, SyncRules)}, with the users on the tasks of active assets too (when read). */
    public Set<Long> userIds(List<?> shots, List<?> tasks, List<?> activeAssets, List<?> assetTasks, List<?> groups, SyncRules candidate) {
        if (!rules.get().needsUserDetails() && (candidate == null || !candidate.needsUserDetails())) return Set.of();
        Set<Long> users = new TreeSet<>();
        forEachTaskOf(shots, tasks, "Shot", task -> forEachAssignee(task, (id, name) -> users.add(id), id -> { }));
        forEachTaskOf(activeAssets, assetTasks, "Asset", task -> forEachAssignee(task, (id, name) -> users.add(id), id -> { }));
        for (JsonNode group : rows(groups)) members(group, (id, name) -> users.add(id));
        return users;
    }

    /** The snapshot of one project from its searches' rows; {@code groups} and {@code users} may be null when not read. */
    public ProjectSnapshot snapshot(long projectId, ProjectDirectory directory, List<?> shots, List<?> tasks, List<?> groups, List<?> users) {
        return snapshot(projectId, directory, shots, tasks, null, null, null, groups, users);
    }

    /**
     * The snapshot of one project from its searches' rows, with its assets when they were read ({@code assets: per_asset});
     * any list but {@code shots} and {@code tasks} may be null when not read.
     *
     * @param activeAssets the project's assets in an active status: the only ones whose tasks' users are builders
     * @param usedAssets   the project's assets that an active shot uses, in any status
     * @param assetTasks   the tasks of the project's active assets
     */
    public ProjectSnapshot snapshot(long projectId, ProjectDirectory directory, List<?> shots, List<?> tasks, List<?> activeAssets,
                                    List<?> usedAssets, List<?> assetTasks, List<?> groups, List<?> users) {
        requireKnown(projectId, directory);
        if (directory.leftAlone(projectId).isPresent()) return new ProjectSnapshot(projectId, directory, List.of());
        TaskAssignees assignees = new TaskAssignees();
        Map<Long, TaskAssignees.OnTasks> onShots = onTasks(shots, tasks, "Shot", assignees);
        Map<Long, TaskAssignees.OnTasks> onAssets = onTasks(activeAssets, assetTasks, "Asset", assignees);
        for (JsonNode group : rows(groups)) {
            long groupId = group.path("id").asLong();
            members(group, (id, name) -> assignees.member(groupId, id, name));
        }
        for (JsonNode row : rows(users)) {
            JsonNode a = row.path("attributes");
            assignees.details(new ShotGridUser(row.path("id").asLong(), text(a.path("name")), text(a.path("login")), text(a.path("email"))));
        }
        List<ShotRecord> records = new ArrayList<>();
        for (JsonNode row : rows(shots)) {
            JsonNode attributes = row.path("attributes");
            long id = row.path("id").asLong();
            records.add(new ShotRecord(id, text(attributes.path("code")), text(attributes.path("sg_status_list")),
                    text(row.path("relationships").path("sg_sequence").path("data").path("name")), assignees.expand(onShots.get(id)),
                    linked(row.path("relationships").path("assets").path("data"), "Asset")));
        }
        return new ProjectSnapshot(projectId, directory, records, assets(activeAssets, usedAssets, onAssets, assignees), activeAssets != null);
    }

    /** Who is on the tasks of each of the entities (rows of one type); a task of another entity is ignored. */
    private static Map<Long, TaskAssignees.OnTasks> onTasks(List<?> entities, List<?> tasks, String type, TaskAssignees assignees) {
        Map<Long, TaskAssignees.OnTasks> on = new LinkedHashMap<>();
        for (JsonNode row : rows(entities)) on.put(row.path("id").asLong(), new TaskAssignees.OnTasks());
        for (JsonNode task : rows(tasks)) {
            TaskAssignees.OnTasks entity = on.get(entityOf(task, type));
            if (entity != null) forEachAssignee(task, assignees.user(entity), entity.groups::add);
        }
        return on;
    }

    /** The assets read (active, or used by an active shot), each once, with the users of its tasks when it is active. */
    private static List<AssetRecord> assets(List<?> activeAssets, List<?> usedAssets, Map<Long, TaskAssignees.OnTasks> onAssets,
                                            TaskAssignees assignees) {
        Map<Long, AssetRecord> byId = new LinkedHashMap<>();
        for (List<?> list : Arrays.asList(activeAssets, usedAssets)) {
            for (JsonNode row : rows(list)) {
                long id = row.path("id").asLong();
                if (byId.containsKey(id)) continue;
                JsonNode a = row.path("attributes");
                TaskAssignees.OnTasks on = onAssets.get(id);
                byId.put(id, new AssetRecord(id, text(a.path("code")), text(a.path("sg_asset_type")), text(a.path("sg_status_list")),
                        on == null ? List.of() : assignees.expand(on)));
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** The ids of the entities of this type in a multi-entity field's data. */
    private static List<Long> linked(JsonNode data, String type) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode e : data) if (type.equals(e.path("type").asText())) ids.add(e.path("id").asLong());
        return ids;
    }

    /** Each task whose entity is of this type and among the rows of {@code entities} (a task of another is ignored). */
    private static void forEachTaskOf(List<?> entities, List<?> tasks, String type, Consumer<JsonNode> each) {
        if (entities == null || tasks == null) return;
        Set<Long> ids = ids(entities);
        for (JsonNode task : rows(tasks)) if (ids.contains(entityOf(task, type))) each.accept(task);
    }

    /** The ids of projects that have at least one active shot, from the rows of the site-wide active shot search. */
    public Set<Long> projectsOf(List<?> shots) {
        Set<Long> ids = new TreeSet<>();
        for (JsonNode row : rows(shots)) {
            JsonNode project = row.path("relationships").path("project").path("data");
            if (project.isObject()) ids.add(project.path("id").asLong());
        }
        return ids;
    }

    /** One shot's code and the names of everyone on its tasks (users, and groups by their name), for extension routes. */
    public ShotArtists shotArtists(long shotId, List<?> shot, List<?> tasks) {
        List<JsonNode> shotRows = rows(shot);
        String code = shotRows.isEmpty() ? "#" + shotId : text(shotRows.get(0).path("attributes").path("code"));
        Set<String> names = new TreeSet<>();
        for (JsonNode task : rows(tasks)) {
            for (JsonNode a : task.path("relationships").path("task_assignees").path("data")) {
                String name = text(a.path("name"));
                if (name != null && ("HumanUser".equals(a.path("type").asText()) || "Group".equals(a.path("type").asText()))) names.add(name);
            }
        }
        return new ShotArtists(shotId, code, List.copyOf(names));
    }

    /** The id of the task's entity when it is of this type; -1 otherwise. */
    private static long entityOf(JsonNode task, String type) {
        JsonNode entity = task.path("relationships").path("entity").path("data");
        return type.equals(entity.path("type").asText()) ? entity.path("id").asLong() : -1;
    }

    /** A task's assignees: users (id, display name) and groups (id); ApiUsers and others are not artists. */
    private static void forEachAssignee(JsonNode task, BiConsumer<Long, String> user, LongConsumer group) {
        for (JsonNode a : task.path("relationships").path("task_assignees").path("data")) {
            switch (a.path("type").asText()) {
                case "HumanUser" -> user.accept(a.path("id").asLong(), text(a.path("name")));
                case "Group" -> group.accept(a.path("id").asLong());
                default -> { }
            }
        }
    }

    private static void members(JsonNode group, BiConsumer<Long, String> user) {
        for (JsonNode u : group.path("relationships").path("users").path("data")) {
            if ("HumanUser".equals(u.path("type").asText())) user.accept(u.path("id").asLong(), text(u.path("name")));
        }
    }

    private static Set<Long> ids(List<?> rows) {
        Set<Long> ids = new HashSet<>();
        for (JsonNode row : rows(rows)) ids.add(row.path("id").asLong());
        return ids;
    }

    private static List<JsonNode> rows(List<?> rows) {
        if (rows == null) return List.of();
        return rows.stream().map(JsonNode.class::cast).toList();
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
