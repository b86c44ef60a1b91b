package com.srsync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated studio's records, as ShotGrid entities: maps of field to value, where an entity
 * field holds a {@code {type, id, name}} reference and a multi-entity field a list of them. Seeded
 * with the old tool's studio: project TST, sequence TST_010, three shots, Alex Trial and Matthew
 * Testuser (and Sam Unlisted, who is not in artists.yaml).
 */
final class SandboxStudio implements EntitySearch.Records {
    /** The Shot's custom text field that takes the delivery summary (the sandbox sets SHOTGRID_DELIVERY_FIELD to it). */
    static final String DELIVERY_FIELD = "sg_resilio_delivery";

    private final Map<String, Map<Long, Map<String, Object>>> entities = new LinkedHashMap<>();

    SandboxStudio() {
        put("Project", 155, Map.of("name", "Test Project", "tank_name", "TST"));
        put("Sequence", 5, Map.of("code", "TST_010", "project", ref("Project", 155)));
        put("HumanUser", 7, Map.of("name", "Alex Trial", "login", "atrial", "email", "alex@studio.example"));
        put("HumanUser", 8, Map.of("name", "Matthew Testuser", "login", "mtestuser", "email", "matthew@studio.example"));
        put("HumanUser", 9, Map.of("name", "Sam Unlisted", "login", "sunlisted", "email", "sam@studio.example"));
        put("Group", 3, Map.of("code", "Comp Team", "users", List.of(ref("HumanUser", 7), ref("HumanUser", 8))));
        shot(1213, "TST_010_0010", "active");
        shot(1214, "TST_010_0020", "wtg");
        shot(1215, "TST_010_0030", "wtg");
        task(5001, "comp", 1213, 7);
        task(5002, "anim", 1213);
        task(5003, "comp", 1214, 8);
        task(5004, "comp", 1215);
    }

    @Override
    public synchronized List<Map<String, Object>> all(String type) {
        return new ArrayList<>(entities.getOrDefault(type, Map.of()).values());
    }

    @Override
    public synchronized Map<String, Object> get(String type, long id) {
        return entities.getOrDefault(type, Map.of()).get(id);
    }

    synchronized Map<String, Object> ref(String type, long id) {
        Map<String, Object> record = get(type, id);
        Object name = record == null ? null : record.getOrDefault("name", record.getOrDefault("code", record.get("content")));
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("type", type);
        ref.put("id", id);
        ref.put("name", name);
        return ref;
    }

    /** Sets a shot's status; returns the old one. */
    synchronized Object setStatus(long shotId, String status) {
        Map<String, Object> shot = require("Shot", shotId);
        return shot.put("sg_status_list", status);
    }

    /** Writes fields onto a record; returns it, or null when there is none. */
    synchronized Map<String, Object> update(String type, long id, Map<String, Object> fields) {
        Map<String, Object> record = get(type, id);
        if (record != null) record.putAll(fields);
        return record;
    }

    /** Adds or removes an assignee; true when it changed anything. */
    @SuppressWarnings("unchecked")
    synchronized boolean assign(long taskId, long userId, boolean add) {
        Map<String, Object> task = require("Task", taskId);
        require("HumanUser", userId);
        List<Map<String, Object>> assignees = new ArrayList<>((List<Map<String, Object>>) task.get("task_assignees"));
        boolean present = assignees.stream().anyMatch(a -> ((Number) a.get("id")).longValue() == userId && "HumanUser".equals(a.get("type")));
        if (add == present) return false;
        if (add) assignees.add(ref("HumanUser", userId));
        else assignees.removeIf(a -> ((Number) a.get("id")).longValue() == userId && "HumanUser".equals(a.get("type")));
        task.put("task_assignees", assignees);
        return true;
    }

    private Map<String, Object> require(String type, long id) {
        Map<String, Object> record = get(type, id);
        if (record == null) throw new IllegalArgumentException("no " + type + " " + id + " in the sandbox studio");
        return record;
    }

    private void shot(long id, String code, String status) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("code", code, "sg_status_list", status, "sg_sequence", ref("Sequence", 5),
                "project", ref("Project", 155)));
        fields.put(DELIVERY_FIELD, null);
        put("Shot", id, fields);
    }

    private void task(long id, String content, long shot, long... users) {
        List<Map<String, Object>> assignees = new ArrayList<>();
        for (long u : users) assignees.add(ref("HumanUser", u));
        put("Task", id, Map.of("content", content, "entity", ref("Shot", shot), "project", ref("Project", 155),
                "task_assignees", assignees, "sg_status_list", "ip"));
    }

    private void put(String type, long id, Map<String, Object> fields) {
        Map<String, Object> record = new LinkedHashMap<>(fields);
        record.put("id", id);
        record.put("type", type);
        entities.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, record);
    }
}
