package com.srsync.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.shotgrid.SearchQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the script can read every entity and field the planner uses: one row of each, asked with those fields.
 * ShotGrid leaves a field the script's permission set hides out of its answer; a field that is there (even empty)
 * can be read. Pure.
 */
public final class EntityReads {
    private EntityReads() {}

    /** The entities and fields the planner reads, by REST name (with {@code assets: per_asset}, assets and Shot.assets too). */
    public static Map<String, List<String>> planned(boolean perAsset) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("projects", List.of("name", "tank_name"));
        out.put("sequences", List.of("code"));
        out.put("shots", perAsset ? List.of("code", "sg_status_list", "sg_sequence", "project", "assets")
                : List.of("code", "sg_status_list", "sg_sequence", "project"));
        out.put("tasks", List.of("content", "entity", "task_assignees", "project"));
        out.put("human_users", List.of("name", "login", "email"));
        out.put("groups", List.of("code", "users"));
        if (perAsset) out.put("assets", List.of("code", "sg_asset_type", "sg_status_list", "project", "shots"));
        return out;
    }

    public static List<SetupRead> reads(boolean perAsset) {
        List<SetupRead> out = new ArrayList<>();
        planned(perAsset).forEach((entity, fields) -> out.add(SetupRead.searching("read " + entity,
                SearchQuery.first(entity, List.of(), fields, "id", 1))));
        return out;
    }

    /** The fields of the first row that the answer leaves out: those the script may not read. Empty when every one is there. */
    public static List<String> hidden(List<?> rows, List<String> fields) {
        JsonNode row = (JsonNode) rows.get(0);
        List<String> out = new ArrayList<>();
        for (String f : fields) if (!row.path("attributes").has(f) && !row.path("relationships").has(f)) out.add(f);
        return out;
    }
}
