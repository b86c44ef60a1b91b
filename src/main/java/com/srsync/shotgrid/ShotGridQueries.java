package com.srsync.shotgrid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The searches the routes make, as {@link SearchQuery}s for {@code direct:shotgrid-search}: a constant
 * number per project, whatever its number of shots and assets (with {@code assets: per_asset}, three more). Long
 * lists of ids are split, {@value #IDS_PER_QUERY} to a query. Status lists are sorted, so a query's text is stable.
 */
public final class ShotGridQueries {
    static final int IDS_PER_QUERY = 200;

    private final List<String> activeStatuses;
    private final List<String> activeAssetStatuses;

    /** @param activeStatuses ACTIVE_STATUSES (shots); @param activeAssetStatuses ACTIVE_ASSET_STATUSES */
    public ShotGridQueries(Set<String> activeStatuses, Set<String> activeAssetStatuses) {
        this.activeStatuses = List.copyOf(new java.util.TreeSet<>(activeStatuses));
        this.activeAssetStatuses = List.copyOf(new java.util.TreeSet<>(activeAssetStatuses));
    }

    /** The site's projects with their tank names, outside ({@code active}) or in ({@code retired}) the trash. */
    public SearchQuery projects(String returnOnly) {
        return new SearchQuery("projects", List.of(), List.of("name", "tank_name"), returnOnly);
    }

    public SearchQuery activeShots(long projectId) {
        return activeShots(projectId, false);
    }

    /** @param withAssets also each shot's {@code assets} (multi-entity: the assets it uses), for {@code assets: per_asset} */
    public SearchQuery activeShots(long projectId, boolean withAssets) {
        return new SearchQuery("shots",
                List.of(List.of("project", "is", project(projectId)), List.of("sg_status_list", "in", activeStatuses)),
                withAssets ? List.of("code", "sg_status_list", "sg_sequence", "assets") : List.of("code", "sg_status_list", "sg_sequence"),
                SearchQuery.ACTIVE);
    }

    /** The project's assets in an active status (ACTIVE_ASSET_STATUSES): their builders may work on them. */
    public SearchQuery activeAssets(long projectId) {
        return new SearchQuery("assets",
                List.of(List.of("project", "is", project(projectId)), List.of("sg_status_list", "in", activeAssetStatuses)),
                ASSET_FIELDS, SearchQuery.ACTIVE);
    }

    /** The project's assets an active shot uses, in any status (through the multi-entity field {@code Asset.shots}). */
    public SearchQuery assetsOfActiveShots(long projectId) {
        return new SearchQuery("assets",
                List.of(List.of("project", "is", project(projectId)), List.of("shots.Shot.sg_status_list", "in", activeStatuses)),
                ASSET_FIELDS, SearchQuery.ACTIVE);
    }

    /** The tasks of the project's active assets, in one paged query instead of one per asset. */
    public SearchQuery tasksOfActiveAssets(long projectId) {
        return new SearchQuery("tasks",
                List.of(List.of("project", "is", project(projectId)), List.of("entity.Asset.sg_status_list", "in", activeAssetStatuses)),
                List.of("content", "entity", "task_assignees"), SearchQuery.ACTIVE);
    }

    private static final List<String> ASSET_FIELDS = List.of("code", "sg_asset_type", "sg_status_list");

    /** The tasks of the project's active shots, in one paged query instead of one per shot. */
    public SearchQuery tasksOfActiveShots(long projectId) {
        return new SearchQuery("tasks",
                List.of(List.of("project", "is", project(projectId)), List.of("entity.Shot.sg_status_list", "in", activeStatuses)),
                List.of("content", "entity", "task_assignees"), SearchQuery.ACTIVE);
    }

    /**
     * Every search a project's plan makes (with {@code withAssets}, the per-asset ones too), for one project: what the
     * script must be allowed to read. The set-up check asks each entity for these fields.
     */
    public List<SearchQuery> planReads(long projectId, boolean withAssets) {
        List<SearchQuery> out = new java.util.ArrayList<>(List.of(projects(SearchQuery.ACTIVE), activeShots(projectId, withAssets),
                tasksOfActiveShots(projectId)));
        out.addAll(users(List.of(0L)));
        out.addAll(groupMembers(List.of(0L)));
        if (withAssets) out.addAll(List.of(activeAssets(projectId), assetsOfActiveShots(projectId), tasksOfActiveAssets(projectId)));
        return out;
    }

    /** The members of these groups. */
    public List<SearchQuery> groupMembers(Collection<Long> groupIds) {
        return byIds("groups", groupIds, List.of("code", "users"));
    }

    /** These users' names, logins and e-mails. */
    public List<SearchQuery> users(Collection<Long> userIds) {
        return byIds("human_users", userIds, List.of("name", "login", "email"));
    }

    /** The project of every active shot in the site: the safety net's projects to look at. */
    public SearchQuery activeShotProjects() {
        return new SearchQuery("shots", List.of(List.of("sg_status_list", "in", activeStatuses)), List.of("project"), SearchQuery.ACTIVE);
    }

    /** One shot's code, for extension routes. */
    public SearchQuery shot(long shotId) {
        return new SearchQuery("shots", List.of(List.of("id", "is", shotId)), List.of("code"), SearchQuery.ACTIVE);
    }

    /** Some shots' codes, by id (the shots selected in ShotGrid's Action Menu Item). */
    private static final List<String> SHOT_LOOKUP_FIELDS = List.of("code", "sg_status_list", "project");

    public SearchQuery shotCodes(List<Long> shotIds) {
        return new SearchQuery("shots", List.of(List.of("id", "in", shotIds)), SHOT_LOOKUP_FIELDS, SearchQuery.ACTIVE);
    }

    /** Shots of this code, in any status (the status page asks why one has no job). */
    public SearchQuery shotsCoded(String code) {
        return new SearchQuery("shots", List.of(List.of("code", "is", code)), SHOT_LOOKUP_FIELDS, SearchQuery.ACTIVE);
    }

    /** Assets of this code, in any status (the status page asks why one has no job). */
    public SearchQuery assetsCoded(String code) {
        return new SearchQuery("assets", List.of(List.of("code", "is", code)), List.of("code", "sg_asset_type", "sg_status_list", "project"),
                SearchQuery.ACTIVE);
    }

    /** One shot's tasks and their assignees, for extension routes. */
    public SearchQuery tasksOfShot(long shotId) {
        return new SearchQuery("tasks", List.of(List.of("entity", "is", Map.of("type", "Shot", "id", shotId))),
                List.of("content", "task_assignees"), SearchQuery.ACTIVE);
    }

    private static List<SearchQuery> byIds(String entity, Collection<Long> ids, List<String> fields) {
        List<Long> all = new ArrayList<>(ids);
        List<SearchQuery> queries = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IDS_PER_QUERY) {
            List<Object> chunk = List.copyOf(all.subList(i, Math.min(all.size(), i + IDS_PER_QUERY)));
            queries.add(new SearchQuery(entity, List.of(List.of("id", "in", chunk)), fields, SearchQuery.ACTIVE));
        }
        return queries;
    }

    private static Map<String, Object> project(long id) {
        return Map.of("type", "Project", "id", id);
    }
}
