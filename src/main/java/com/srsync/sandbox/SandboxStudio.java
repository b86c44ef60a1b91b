package com.srsync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated studio's records, as ShotGrid entities: maps of field to value, where an entity
 * field holds a {@code {type, id, name}} reference and a multi-entity field a list of them. Seeded
 * with the old tool's studio: project TST, sequence TST_010, three shots, Alex Trial and Matthew
 * Testuser (and Sam Unlisted, who is not in artists.yaml); and three assets the shots use - the character Hero
 * (TST_010_0010 and _0020), the prop Sword (_0020) and the environment Forest (_0010 and _0030), each with a task
 * and no one on it - which only {@code assets: {mode: per_asset}} reads.
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
        asset(701, "Hero", "Character", "ip");
        asset(702, "Sword", "Prop", "ip");
        asset(703, "Forest", "Environment", "cmpt");
        assetTask(6001, "rig", 701);
        assetTask(6002, "model", 701);
        assetTask(6003, "model", 702);
        assetTask(6004, "layout", 703);
        link(1213, 701, true);
        link(1213, 703, true);
        link(1214, 701, true);
        link(1214, 702, true);
        link(1215, 703, true);
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

    /** Sets a shot's or an asset's status; returns the old one. */
    synchronized Object setStatus(String type, long id, String status) {
        return require(type, id).put("sg_status_list", status);
    }

    /**
     * Links a shot and an asset ({@code Shot.assets} and {@code Asset.shots}, both sides, as ShotGrid keeps them), or
     * unlinks them; true when it changed anything.
     */
    @SuppressWarnings("unchecked")
    synchronized boolean link(long shotId, long assetId, boolean add) {
        Map<String, Object> shot = require("Shot", shotId);
        Map<String, Object> asset = require("Asset", assetId);
        List<Map<String, Object>> assets = new ArrayList<>((List<Map<String, Object>>) shot.get("assets"));
        boolean present = assets.stream().anyMatch(a -> ((Number) a.get("id")).longValue() == assetId);
        if (add == present) return false;
        List<Map<String, Object>> shots = new ArrayList<>((List<Map<String, Object>>) asset.get("shots"));
        if (add) {
            assets.add(ref("Asset", assetId));
            shots.add(ref("Shot", shotId));
        } else {
            assets.removeIf(a -> ((Number) a.get("id")).longValue() == assetId);
            shots.removeIf(a -> ((Number) a.get("id")).longValue() == shotId);
        }
        shot.put("assets", assets);
        asset.put("shots", shots);
        return true;
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
                "project", ref("Project", 155), "assets", List.of()));
        fields.put(DELIVERY_FIELD, null);
        put("Shot", id, fields);
    }

    private void asset(long id, String code, String type, String status) {
        put("Asset", id, Map.of("code", code, "sg_asset_type", type, "sg_status_list", status, "project", ref("Project", 155), "shots", List.of()));
    }

    private void task(long id, String content, long shot, long... users) {
        taskOf(id, content, ref("Shot", shot), users);
    }

    private void assetTask(long id, String content, long asset, long... users) {
        taskOf(id, content, ref("Asset", asset), users);
    }

    private void taskOf(long id, String content, Map<String, Object> entity, long... users) {
        List<Map<String, Object>> assignees = new ArrayList<>();
        for (long u : users) assignees.add(ref("HumanUser", u));
        put("Task", id, Map.of("content", content, "entity", entity, "project", ref("Project", 155),
                "task_assignees", assignees, "sg_status_list", "ip"));
    }

    private void put(String type, long id, Map<String, Object> fields) {
        Map<String, Object> record = new LinkedHashMap<>(fields);
        record.put("id", id);
        record.put("type", type);
        entities.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, record);
    }
}
