package com.srsync.setup;

import com.srsync.events.EventRelevance;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * One row of the webhook table (docs/shotgrid-webhooks.md): the entity type, whether the service needs it, the
 * events it must send and, for "updated", the fields - taken from what the planner reacts to
 * ({@link EventRelevance#fields}), so the table, the check and the watch cannot drift apart.
 *
 * @param events ShotGrid's words: {@code create}, {@code update}, {@code delete}, {@code revive}
 */
public record HookSpec(String entity, boolean required, List<String> events, SortedSet<String> fields) {
    static final List<String> ALL_EVENTS = List.of("create", "update", "delete", "revive");

    public HookSpec {
        events = List.copyOf(events);
    }

    /** The table: Shot and Task (and, per asset, Asset) required with every event; the others optional, updates only. */
    public static List<HookSpec> table(boolean perAsset) {
        List<HookSpec> out = new ArrayList<>();
        out.add(new HookSpec("Shot", true, ALL_EVENTS, EventRelevance.fields("Shot", perAsset)));
        out.add(new HookSpec("Task", true, ALL_EVENTS, EventRelevance.fields("Task", perAsset)));
        if (perAsset) out.add(new HookSpec("Asset", true, ALL_EVENTS, EventRelevance.fields("Asset", true)));
        for (String optional : List.of("Sequence", "Group", "HumanUser", "Project")) {
            out.add(new HookSpec(optional, false, List.of("update"), EventRelevance.fields(optional, perAsset)));
        }
        return out;
    }
}
