package com.srsync.shotgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.reconcile.ProjectDirectory;
import com.srsync.reconcile.ProjectSnapshot;
import com.srsync.reconcile.ShotGridUser;
import com.srsync.reconcile.ShotRecord;
import com.srsync.reconcile.SyncRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Builds what the plan reads from the rows of ShotGrid's searches: the site's projects, and one
 * project's active shots with the users of all their tasks (groups expanded). Pure: the routes read
 * the rows ({@code routes/shotgrid.yaml}), this only maps them.
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

    /** The groups assigned to tasks of the project's active shots: whose members must be read. */
    public Set<Long> groupIds(List<?> shots, List<?> tasks) {
        Set<Long> shotIds = ids(shots);
        Set<Long> groups = new TreeSet<>();
        for (JsonNode task : rows(tasks)) {
            if (shotIds.contains(shotOf(task))) forEachAssignee(task, (id, name) -> { }, groups::add);
        }
        return groups;
    }

    /**
     * The users whose logins and e-mails must be read: none unless artists.yaml (or the candidate
     * artists.yaml a plan previews, when not null) matches by login or e-mail.
     */
    public Set<Long> userIds(List<?> shots, List<?> tasks, List<?> groups, SyncRules candidate) {
        if (!rules.get().needsUserDetails() && (candidate == null || !candidate.needsUserDetails())) return Set.of();
        Set<Long> shotIds = ids(shots);
        Set<Long> users = new TreeSet<>();
        for (JsonNode task : rows(tasks)) {
            if (shotIds.contains(shotOf(task))) forEachAssignee(task, (id, name) -> users.add(id), id -> { });
        }
        for (JsonNode group : rows(groups)) members(group, (id, name) -> users.add(id));
        return users;
    }

    /** The snapshot of one project from its searches' rows; {@code groups} and {@code users} may be null when not read. */
    public ProjectSnapshot snapshot(long projectId, ProjectDirectory directory, List<?> shots, List<?> tasks, List<?> groups, List<?> users) {
        requireKnown(projectId, directory);
        if (directory.leftAlone(projectId).isPresent()) return new ProjectSnapshot(projectId, directory, List.of());
        Map<Long, ShotBuilder> byId = new LinkedHashMap<>();
        for (JsonNode row : rows(shots)) {
            JsonNode attributes = row.path("attributes");
            JsonNode sequence = row.path("relationships").path("sg_sequence").path("data");
            long id = row.path("id").asLong();
            byId.put(id, new ShotBuilder(id, text(attributes.path("code")), text(attributes.path("sg_status_list")), text(sequence.path("name"))));
        }
        Map<Long, String> names = new LinkedHashMap<>();
        for (JsonNode task : rows(tasks)) {
            ShotBuilder shot = byId.get(shotOf(task));
            if (shot == null) continue;
            forEachAssignee(task, (id, name) -> {
                shot.users.add(id);
                names.putIfAbsent(id, name);
            }, shot.groups::add);
        }
        Map<Long, Set<Long>> members = new LinkedHashMap<>();
        for (JsonNode group : rows(groups)) {
            Set<Long> ids = new LinkedHashSet<>();
            members(group, (id, name) -> {
                ids.add(id);
                names.putIfAbsent(id, name);
            });
            members.put(group.path("id").asLong(), ids);
        }
        Map<Long, ShotGridUser> details = new LinkedHashMap<>();
        for (JsonNode row : rows(users)) {
            JsonNode a = row.path("attributes");
            long id = row.path("id").asLong();
            details.put(id, new ShotGridUser(id, text(a.path("name")), text(a.path("login")), text(a.path("email"))));
        }
        List<ShotRecord> records = new ArrayList<>();
        for (ShotBuilder shot : byId.values()) {
            Set<Long> ids = new LinkedHashSet<>(shot.users);
            for (Long group : shot.groups) ids.addAll(members.getOrDefault(group, Set.of()));
            records.add(new ShotRecord(shot.id, shot.code, shot.status, shot.sequence,
                    ids.stream().map(id -> details.getOrDefault(id, ShotGridUser.named(id, names.get(id)))).toList()));
        }
        return new ProjectSnapshot(projectId, directory, records);
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

    private static long shotOf(JsonNode task) {
        JsonNode entity = task.path("relationships").path("entity").path("data");
        return "Shot".equals(entity.path("type").asText()) ? entity.path("id").asLong() : -1;
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

    private static final class ShotBuilder {
        final long id;
        final String code;
        final String status;
        final String sequence;
        final Set<Long> users = new LinkedHashSet<>();
        final Set<Long> groups = new LinkedHashSet<>();

        ShotBuilder(long id, String code, String status, String sequence) {
            this.id = id;
            this.code = code;
            this.status = status;
            this.sequence = sequence;
        }
    }
}
