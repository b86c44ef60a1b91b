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

/**
 * Reads what one project's plan depends on with a constant number of paged queries: the site's
 * projects (active and in the trash), the project's active shots, their tasks, and, only when
 * needed, group members and users' logins and e-mails.
 */
public final class SnapshotReader {
    /** How many ids go into one {@code in} filter. */
    static final int IDS_PER_QUERY = 200;

    private final ShotGridClient client;
    private final SyncRules rules;

    public SnapshotReader(ShotGridClient client, SyncRules rules) {
        this.client = client;
        this.rules = rules;
    }

    /** The tank names of the site's projects, by project id; those in the trash under {@link ProjectDirectory#retired()}. */
    public ProjectDirectory projects() {
        Map<Long, String> active = new LinkedHashMap<>();
        for (JsonNode row : client.search(ShotGridQueries.projects(ShotGridQueries.ACTIVE))) {
            active.put(row.path("id").asLong(), text(row.path("attributes").path("tank_name")));
        }
        Set<String> retired = new HashSet<>();
        for (JsonNode row : client.search(ShotGridQueries.projects(ShotGridQueries.RETIRED))) {
            String tank = text(row.path("attributes").path("tank_name"));
            if (tank != null) retired.add(tank);
        }
        return new ProjectDirectory(active, retired);
    }

    /** The snapshot of one project; throws {@link UnknownProjectException} when ShotGrid has no such project. */
    public ProjectSnapshot snapshot(long projectId) {
        ProjectDirectory directory = projects();
        if (!directory.active().containsKey(projectId)) throw new UnknownProjectException(projectId);
        if (directory.leftAlone(projectId).isPresent()) {
            return new ProjectSnapshot(projectId, directory, List.of());
        }

        Map<Long, ShotBuilder> shots = new LinkedHashMap<>();
        for (JsonNode row : client.search(ShotGridQueries.activeShots(projectId, rules.activeStatuses()))) {
            JsonNode attributes = row.path("attributes");
            JsonNode sequence = row.path("relationships").path("sg_sequence").path("data");
            shots.put(row.path("id").asLong(), new ShotBuilder(row.path("id").asLong(), text(attributes.path("code")),
                    text(attributes.path("sg_status_list")), text(sequence.path("name"))));
        }

        Map<Long, String> userNames = new LinkedHashMap<>();
        Set<Long> groupIds = new TreeSet<>();
        if (!shots.isEmpty()) {
            for (JsonNode task : client.search(ShotGridQueries.tasksOfActiveShots(projectId, rules.activeStatuses()))) {
                JsonNode entity = task.path("relationships").path("entity").path("data");
                ShotBuilder shot = "Shot".equals(entity.path("type").asText()) ? shots.get(entity.path("id").asLong()) : null;
                if (shot == null) continue;
                forEachAssignee(task, (id, name) -> {
                    shot.users.add(id);
                    userNames.putIfAbsent(id, name);
                }, id -> {
                    shot.groups.add(id);
                    groupIds.add(id);
                });
            }
        }

        Map<Long, Set<Long>> members = groupMembers(groupIds, userNames);
        Map<Long, ShotGridUser> users = users(userNames);
        List<ShotRecord> records = new ArrayList<>();
        for (ShotBuilder shot : shots.values()) {
            Set<Long> ids = new LinkedHashSet<>(shot.users);
            for (Long group : shot.groups) ids.addAll(members.getOrDefault(group, Set.of()));
            records.add(new ShotRecord(shot.id, shot.code, shot.status, shot.sequence, ids.stream().map(users::get).toList()));
        }
        return new ProjectSnapshot(projectId, directory, records);
    }

    /** One shot's code and the names of the artists on its tasks, for extension routes (two or three queries). */
    public ShotArtists shotArtists(long shotId) {
        List<JsonNode> shot = client.search(new SearchQuery("shots", List.of(List.of("id", "is", shotId)), List.of("code"), ShotGridQueries.ACTIVE));
        String code = shot.isEmpty() ? "#" + shotId : text(shot.get(0).path("attributes").path("code"));
        Map<Long, String> names = new LinkedHashMap<>();
        Set<Long> groups = new TreeSet<>();
        List<List<Object>> filters = List.of(List.of("entity", "is", Map.of("type", "Shot", "id", shotId)));
        for (JsonNode task : client.search(new SearchQuery("tasks", filters, List.of("task_assignees"), ShotGridQueries.ACTIVE))) {
            forEachAssignee(task, names::putIfAbsent, groups::add);
        }
        groupMembers(groups, names);
        return new ShotArtists(shotId, code, names.values().stream().filter(java.util.Objects::nonNull).sorted().toList());
    }

    /** The ids of projects that have at least one active shot. */
    public Set<Long> projectsWithActiveShots() {
        Set<Long> ids = new TreeSet<>();
        for (JsonNode row : client.search(ShotGridQueries.projectsWithActiveShots(rules.activeStatuses()))) {
            JsonNode project = row.path("relationships").path("project").path("data");
            if (project.isObject()) ids.add(project.path("id").asLong());
        }
        return ids;
    }

    private Map<Long, Set<Long>> groupMembers(Set<Long> groupIds, Map<Long, String> userNames) {
        Map<Long, Set<Long>> members = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(groupIds)) {
            for (JsonNode group : client.search(ShotGridQueries.groupMembers(chunk))) {
                Set<Long> ids = new LinkedHashSet<>();
                for (JsonNode user : group.path("relationships").path("users").path("data")) {
                    if (!"HumanUser".equals(user.path("type").asText())) continue;
                    ids.add(user.path("id").asLong());
                    userNames.putIfAbsent(user.path("id").asLong(), text(user.path("name")));
                }
                members.put(group.path("id").asLong(), ids);
            }
        }
        return members;
    }

    /** Users by id; with logins and e-mails read only when artists.yaml matches on them. */
    private Map<Long, ShotGridUser> users(Map<Long, String> names) {
        Map<Long, ShotGridUser> users = new LinkedHashMap<>();
        names.forEach((id, name) -> users.put(id, ShotGridUser.named(id, name)));
        if (!rules.needsUserDetails() || names.isEmpty()) return users;
        for (List<Long> chunk : chunks(names.keySet())) {
            for (JsonNode row : client.search(ShotGridQueries.users(chunk))) {
                JsonNode a = row.path("attributes");
                long id = row.path("id").asLong();
                users.put(id, new ShotGridUser(id, text(a.path("name")), text(a.path("login")), text(a.path("email"))));
            }
        }
        return users;
    }

    /** A task's assignees: users (id, display name) and groups (id); ApiUsers and others are not artists. */
    private static void forEachAssignee(JsonNode task, java.util.function.BiConsumer<Long, String> user,
                                        java.util.function.LongConsumer group) {
        for (JsonNode a : task.path("relationships").path("task_assignees").path("data")) {
            switch (a.path("type").asText()) {
                case "HumanUser" -> user.accept(a.path("id").asLong(), text(a.path("name")));
                case "Group" -> group.accept(a.path("id").asLong());
                default -> { }
            }
        }
    }

    private static List<List<Long>> chunks(Set<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IDS_PER_QUERY) chunks.add(all.subList(i, Math.min(all.size(), i + IDS_PER_QUERY)));
        return chunks;
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
