package com.srsync.setup;

import java.util.Map;

/** A hook's gap as a person reads it, with what it costs: "the Task webhook does not send task_assignees: assignment changes wait ...". */
public final class HookGapWords {
    private static final Map<String, String> FIELD_CHANGES = Map.ofEntries(
            Map.entry("task_assignees", "assignment changes"), Map.entry("sg_status_list", "status changes"),
            Map.entry("code", "renames"), Map.entry("entity", "tasks moved to another shot or asset"),
            Map.entry("project", "moves to another project"), Map.entry("sg_sequence", "shots moved to another sequence"),
            Map.entry("assets", "assets added to or taken off a shot"), Map.entry("shots", "shots added to or taken off an asset"),
            Map.entry("sg_asset_type", "asset type changes"), Map.entry("users", "group members joining or leaving"),
            Map.entry("name", "renamed users"), Map.entry("login", "changed logins"), Map.entry("email", "changed e-mails"),
            Map.entry("tank_name", "tank name changes"));
    private static final Map<String, String> EVENT_CHANGES = Map.of("create", "new %ss", "update", "changed %ss",
            "delete", "%ss sent to the trash", "revive", "%ss brought back from the trash");

    private HookGapWords() {}

    /** What picks up what a webhook leaves out: the event log poll when it runs, else the safety net. */
    public static String waitFor(boolean eventLog) {
        return eventLog ? "the event log poll" : "the safety net (SAFETY_NET_INTERVAL_MS)";
    }

    /**
     * @param waitFor what picks up what the webhook leaves out ({@link #waitFor(boolean)})
     */
    public static String sentence(String entity, HookPlan.Gap gap, String waitFor) {
        return switch (gap.kind()) {
            case NO_HOOK -> "no webhook of this service sends " + entity + " events: every " + entity + " change waits for " + waitFor;
            case EVENT -> "the " + entity + " webhook does not send '" + gap.what() + "' events: "
                    + EVENT_CHANGES.get(gap.what()).formatted(entity) + " wait for " + waitFor;
            case FIELD -> "the " + entity + " webhook does not send " + gap.what() + ": "
                    + FIELD_CHANGES.getOrDefault(gap.what(), "changes of " + gap.what()) + " wait for " + waitFor;
            case BATCH -> "the " + entity + " webhook has batch deliveries off: ShotGrid then gives each delivery only 6 s and sends more requests";
            case SECRET -> "the " + entity + " webhook has no secret: its deliveries are refused (401) unless WEBHOOK_ALLOW_UNSIGNED is on";
            case STATUS -> "the " + entity + " webhook is '" + gap.what() + "', not active: it sends nothing";
        };
    }
}
