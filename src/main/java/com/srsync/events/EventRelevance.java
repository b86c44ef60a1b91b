package com.srsync.events;

import java.util.Map;
import java.util.Set;

/**
 * Which reconcile an event asks for: its project, every project, or none. Only what can change a
 * plan counts: shots and their status, code, sequence or project; tasks and their assignees or
 * entity; sequence names (they are in paths); project tank names; users and groups (display
 * names, logins, e-mails and group members match artists) - those mark every project, as do
 * relevant events that carry no project. With {@code assets: per_asset} also assets (created, retired,
 * revived; their status, code, type, project or shots) and a shot's {@code assets} field.
 */
public final class EventRelevance {
    /** The trigger meaning "every project". */
    public static final String ALL = "all";

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Shot", Set.of("sg_status_list", "code", "sg_sequence", "project"),
            "Task", Set.of("task_assignees", "entity", "project"),
            "Sequence", Set.of("code"),
            "Project", Set.of("tank_name"),
            "HumanUser", Set.of("name", "login", "email", "sg_status_list", "groups"),
            "Group", Set.of("users", "code"));
    /** What per_asset plans from besides: the fields of an asset, and the shot's link to its assets. */
    private static final Map<String, Set<String>> ASSET_FIELDS = Map.of(
            "Asset", Set.of("sg_status_list", "code", "sg_asset_type", "project", "shots"),
            "Shot", Set.of("assets"));
    private static final Set<String> LIFECYCLE = Set.of("New", "Retirement", "Revival");
    private static final Set<String> EVERY_PROJECT = Set.of("HumanUser", "Group");

    private EventRelevance() {}

    /**
     * The project id (as text) or {@value #ALL} that this event asks to reconcile in either assets mode, or null
     * when it changes nothing we plan from: for what must never be lost (a flood's events reduced to projects).
     */
    public static String trigger(ShotGridEvent event) {
        return trigger(event, true);
    }

    /**
     * The project id (as text) or {@value #ALL} that this event asks to reconcile, or null when it changes nothing
     * we plan from.
     *
     * @param perAsset true with {@code assets: per_asset}: asset events and a shot's {@code assets} count too
     */
    public static String trigger(ShotGridEvent event, boolean perAsset) {
        String entity = event.entityType();
        if (entity == null || !plannedFrom(entity, event, perAsset)) return null;
        if (EVERY_PROJECT.contains(entity)) return ALL;
        Long project = entity.equals("Project") ? event.entityId() : event.projectId();
        return project == null ? ALL : String.valueOf(project);
    }

    /**
     * The fields of an entity whose changes a plan reads (what an "updated" webhook of it must send); empty for an
     * entity the plan never reads. With {@code perAsset}, Asset and a shot's {@code assets} too.
     */
    public static java.util.SortedSet<String> fields(String entity, boolean perAsset) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>(FIELDS.getOrDefault(entity, Set.of()));
        if (perAsset) out.addAll(ASSET_FIELDS.getOrDefault(entity, Set.of()));
        return out;
    }

    private static boolean plannedFrom(String entity, ShotGridEvent event, boolean perAsset) {
        Set<String> fields = FIELDS.getOrDefault(entity, Set.of());
        Set<String> assetFields = perAsset ? ASSET_FIELDS.getOrDefault(entity, Set.of()) : Set.of();
        if (!FIELDS.containsKey(entity) && assetFields.isEmpty()) return false;   // an entity we never plan from
        String action = event.action();
        if (LIFECYCLE.contains(action)) return !entity.equals("Sequence");
        return action.equals("Change") && (fields.contains(event.attributeName()) || assetFields.contains(event.attributeName()));
    }
}
