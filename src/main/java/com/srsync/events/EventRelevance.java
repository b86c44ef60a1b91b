package com.srsync.events;

import java.util.Map;
import java.util.Set;

/**
 * Which reconcile an event asks for: its project, every project, or none. Only what can change a
 * plan counts: shots and their status, code, sequence or project; tasks and their assignees or
 * entity; sequence names (they are in paths); project tank names; users and groups (display
 * names, logins, e-mails and group members match artists) - those mark every project, as do
 * relevant events that carry no project.
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
    private static final Set<String> LIFECYCLE = Set.of("New", "Retirement", "Revival");
    private static final Set<String> EVERY_PROJECT = Set.of("HumanUser", "Group");

    private EventRelevance() {}

    /** The project id (as text) or {@value #ALL} that this event asks to reconcile, or null when it changes nothing we plan from. */
    public static String trigger(ShotGridEvent event) {
        String entity = event.entityType();
        Set<String> fields = entity == null ? null : FIELDS.get(entity);
        if (fields == null) return null;
        String action = event.action();
        boolean lifecycle = LIFECYCLE.contains(action) && !entity.equals("Sequence");
        boolean field = action.equals("Change") && fields.contains(event.attributeName());
        if (!lifecycle && !field) return null;
        if (EVERY_PROJECT.contains(entity)) return ALL;
        Long project = entity.equals("Project") ? event.entityId() : event.projectId();
        return project == null ? ALL : String.valueOf(project);
    }
}
