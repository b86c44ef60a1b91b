package com.srsync.shotgrid;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The queries a reconcile needs: a constant number per project, whatever its number of shots. */
public final class ShotGridQueries {
    static final String ACTIVE = "active";
    static final String RETIRED = "retired";

    private ShotGridQueries() {}

    /** Every project with its tank name: those in the trash too, so their jobs are never taken for another project's. */
    public static SearchQuery projects(String returnOnly) {
        return new SearchQuery("projects", List.of(), List.of("name", "tank_name"), returnOnly);
    }

    public static SearchQuery activeShots(long projectId, Collection<String> statuses) {
        return new SearchQuery("shots",
                List.of(List.of("project", "is", project(projectId)), List.of("sg_status_list", "in", List.copyOf(statuses))),
                List.of("code", "sg_status_list", "sg_sequence"), ACTIVE);
    }

    /** The tasks of the project's active shots, in one paged query instead of one per shot. */
    public static SearchQuery tasksOfActiveShots(long projectId, Collection<String> statuses) {
        return new SearchQuery("tasks",
                List.of(List.of("project", "is", project(projectId)), List.of("entity.Shot.sg_status_list", "in", List.copyOf(statuses))),
                List.of("content", "entity", "task_assignees"), ACTIVE);
    }

    public static SearchQuery groupMembers(Collection<Long> groupIds) {
        return new SearchQuery("groups", List.of(List.of("id", "in", List.copyOf(groupIds))), List.of("code", "users"), ACTIVE);
    }

    public static SearchQuery users(Collection<Long> userIds) {
        return new SearchQuery("human_users", List.of(List.of("id", "in", List.copyOf(userIds))), List.of("name", "login", "email"), ACTIVE);
    }

    /** The projects of all active shots in the site: the safety net's list of projects to look at. */
    public static SearchQuery projectsWithActiveShots(Collection<String> statuses) {
        return new SearchQuery("shots", List.of(List.of("sg_status_list", "in", List.copyOf(statuses))), List.of("project"), ACTIVE);
    }

    private static Map<String, Object> project(long id) {
        return Map.of("type", "Project", "id", id);
    }
}
