package com.srsync.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What ShotGrid's schema says of the Shot field SHOTGRID_DELIVERY_FIELD names ({@code GET /schema/Shot/fields/{field}}):
 * it must exist, be text, and be editable by the script. Pure.
 */
public final class ShotFieldSchema {
    private ShotFieldSchema() {}

    /**
     * Why the field cannot take the summary, from the schema's answer; null when it can. The answer is
     * {@code {"data": {"data_type": {"value": "text"}, "editable": {"value": true}, …}}} (the properties may
     * also be keyed by the field's name, as the Python API returns them).
     */
    public static String problem(String field, JsonNode answer) {
        JsonNode data = answer == null ? null : answer.path("data");
        if (data == null || data.isMissingNode() || data.isNull()) return "ShotGrid's schema gave no definition of Shot." + field;
        if (data.has(field) && data.get(field).isObject()) data = data.get(field);
        String type = data.path("data_type").path("value").asText(data.path("data_type").asText(""));
        if (!"text".equals(type)) {
            return "Shot." + field + " is a field of type '" + (type.isEmpty() ? "unknown" : type) + "', not text: create a text field of its "
                    + "own (Site Preferences > Fields > Shot), such as sg_resilio_delivery";
        }
        JsonNode editable = data.path("editable");
        if (editable.isObject() && editable.has("value") && !editable.path("value").asBoolean(true)) {
            return "Shot." + field + " is not editable: give the script's permission set the right to edit it";
        }
        return null;
    }

    /** Why the field is refused, from a failed schema read or write ({@code status}); null when the failure says nothing of the field. */
    public static String refused(String field, int status, String detail) {
        return switch (status) {
            case 400, 404 -> "Shot." + field + " does not exist on the site, or the script may not see it (ShotGrid answered " + status
                    + (detail == null || detail.isBlank() ? "" : ": " + detail) + "): create it as a text field on Shot, or correct the name";
            case 403 -> "the script may not write Shot." + field + " (ShotGrid answered 403" + (detail == null || detail.isBlank() ? "" : ": " + detail)
                    + "): give its permission set the right to edit the field";
            default -> null;
        };
    }
}
