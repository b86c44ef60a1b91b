package com.srsync.events;

import java.util.Map;

/**
 * One ShotGrid event, normalised: what changed, on which entity, in which project. The same shape
 * whether it came from a webhook delivery or from the EventLogEntry table, so extension routes can
 * consume either. Route expressions read its components by name ({@code ${body.entityType}}).
 *
 * @param projectId null for events outside projects (users, groups, a test ping)
 * @param meta      the event's {@code meta} object as plain maps and lists (field changes, added and removed)
 */
public record ShotGridEvent(String source, Long eventLogEntryId, String eventType, String operation,
                            String entityType, Long entityId, Long projectId, String attributeName,
                            Map<String, Object> meta, String createdAt) {
    public ShotGridEvent {
        meta = meta == null ? Map.of() : meta;
    }


    /** ShotGrid's {@code created_at} of the event log: "2023-04-22 21:13:51.550053", UTC, with 0 to 9 decimals. */
    private static final java.time.format.DateTimeFormatter SG_TIME = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter();

    /** When the event happened: the event log's UTC time or an ISO time with an offset; null when unknown or unreadable. */
    public java.time.Instant createdInstant() {
        return instant(createdAt);
    }

    /** A {@code created_at} as ShotGrid writes it (see {@link #createdInstant}). */
    public static java.time.Instant instant(String createdAt) {
        if (createdAt == null || createdAt.isBlank()) return null;
        try {
            return createdAt.contains("T") ? java.time.OffsetDateTime.parse(createdAt).toInstant()
                    : java.time.LocalDateTime.parse(createdAt, SG_TIME).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The event's kind from its type: {@code New}, {@code Change}, {@code Retirement}, {@code Revival}, or "" when unknown. */
    public String action() {
        if (eventType == null) return "";
        int last = eventType.lastIndexOf('_');
        return last < 0 ? "" : eventType.substring(last + 1);
    }

    /** The entity type an event type names: {@code Shotgun_Shot_Change} is {@code Shot}; null when it names none. */
    public static String entityTypeOf(String eventType) {
        if (eventType == null) return null;
        String[] parts = eventType.split("_");
        return parts.length >= 3 ? String.join("_", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1)) : null;
    }

    @Override
    public String toString() {
        return eventType + " " + entityType + " " + entityId + (attributeName == null ? "" : "." + attributeName)
                + " (project " + projectId + ", event " + eventLogEntryId + ")";
    }
}
