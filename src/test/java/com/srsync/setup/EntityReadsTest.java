package com.srsync.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.shotgrid.ShotGridQueries;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check asks each entity for what the planner's own searches read and filter on, so a field added there is checked too. */
class EntityReadsTest {
    private static final ShotGridQueries QUERIES = new ShotGridQueries(Set.of("ip", "active"), Set.of("ip"));

    @Test
    void project_mode_asks_for_the_fields_the_plans_searches_read_and_filter_on() {
        assertEquals(Map.of(
                "projects", List.of("name", "tank_name"),
                "sequences", List.of("code"),
                "shots", List.of("code", "sg_status_list", "sg_sequence", "project"),
                "tasks", List.of("content", "entity", "task_assignees", "project"),
                "human_users", List.of("name", "login", "email"),
                "groups", List.of("code", "users")), EntityReads.planned(QUERIES, false));
    }

    @Test
    void per_asset_mode_adds_the_assets_their_links_and_a_shots_assets() {
        Map<String, List<String>> planned = EntityReads.planned(QUERIES, true);
        assertEquals(List.of("code", "sg_asset_type", "sg_status_list", "project", "shots"), planned.get("assets"));
        assertTrue(planned.get("shots").contains("assets"), planned.toString());
    }

    @Test
    void every_field_a_plan_search_reads_is_asked() {
        Map<String, List<String>> planned = EntityReads.planned(QUERIES, true);
        for (var q : QUERIES.planReads(155, true)) {
            assertTrue(planned.get(q.entity()).containsAll(q.fields()), q.entity() + " " + q.fields() + " in " + planned);
        }
    }
}
