package com.srsync.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.shotgrid.SearchQuery;
import com.srsync.shotgrid.ShotGridQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the script can read every entity and field the planner uses: one row of each, asked with those fields.
 * ShotGrid leaves a field the script's permission set hides out of its answer; a field that is there (even empty)
 * can be read. Pure.
 */
public final class EntityReads {
    private EntityReads() {}

    /**
     * The entities and fields the planner reads, by REST name: the fields of its own searches ({@link
     * ShotGridQueries#planReads}) and the fields its filters name (a filter on a field the script may not read finds
     * nothing); and a sequence's code, which a shot's {@code sg_sequence} shows.
     */
    public static Map<String, List<String>> planned(ShotGridQueries queries, boolean perAsset) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (SearchQuery q : queries.planReads(0, perAsset)) {
            if (q.entity().equals("shots")) out.putIfAbsent("sequences", new LinkedHashSet<>(List.of("code")));
            Set<String> fields = out.computeIfAbsent(q.entity(), e -> new LinkedHashSet<>());
            fields.addAll(q.fields());
            for (List<Object> filter : q.filters()) {
                String head = String.valueOf(filter.get(0)).split("\\.")[0];
                if (!head.equals("id")) fields.add(head);
            }
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        out.forEach((entity, fields) -> lists.put(entity, List.copyOf(fields)));
        return lists;
    }

    public static List<SetupRead> reads(ShotGridQueries queries, boolean perAsset) {
        List<SetupRead> out = new ArrayList<>();
        planned(queries, perAsset).forEach((entity, fields) -> out.add(SetupRead.searching("read " + entity,
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
