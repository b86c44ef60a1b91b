package com.srsync.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.events.EventRelevance;
import com.srsync.events.ShotGridEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryParserTest {
    private final DeliveryParser parser = new DeliveryParser(new ObjectMapper());

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "shot-status-active.json,    Shotgun_Shot_Change,     Shot, 1213, 155, sg_status_list, 900101, 155",
        "task-assignees-added.json,  Shotgun_Task_Change,     Task, 5001, 155, task_assignees, 900102, 155",
        "task-assignees-removed.json,Shotgun_Task_Change,     Task, 5001, 155, task_assignees, 900103, 155",
        "shot-retirement.json,       Shotgun_Shot_Retirement, Shot, 1214, 155,               , 900104, 155",
        "task-new.json,              Shotgun_Task_New,        Task, 5009, 155,               , 900105, 155",
    })
    void each_example_delivery_becomes_one_normalised_event(String file, String type, String entity, long entityId, long project,
                                                             String attribute, long eventId, String trigger) throws Exception {
        List<ShotGridEvent> events = parser.parse(Files.readAllBytes(Path.of("src/test/resources/webhooks", file)));

        assertEquals(1, events.size());
        ShotGridEvent e = events.get(0);
        assertEquals(type, e.eventType());
        assertEquals(entity, e.entityType());
        assertEquals(entityId, e.entityId());
        assertEquals(project, e.projectId());
        assertEquals(attribute, e.attributeName());
        assertEquals(eventId, e.eventLogEntryId());
        assertEquals("webhook", e.source());
        assertEquals(trigger, EventRelevance.trigger(e));
    }

    @Test
    void a_batched_delivery_becomes_one_event_per_delivery() throws Exception {
        List<ShotGridEvent> events = parser.parse(Files.readAllBytes(Path.of("src/test/resources/webhooks/batched-three.json")));

        assertEquals(List.of(155L, 155L, 156L), events.stream().map(ShotGridEvent::projectId).toList());
        assertEquals(List.of(900201L, 900202L, 900205L), events.stream().map(ShotGridEvent::eventLogEntryId).toList());
        assertEquals("Group", ((java.util.Map<?, ?>) ((List<?>) events.get(1).meta().get("added")).get(0)).get("type"));
    }

    @Test
    void the_meta_object_reaches_the_event_as_plain_maps_lists_and_values() {
        byte[] body = ("{\"data\": {\"event_log_entry_id\": 1, \"event_type\": \"Shotgun_Shot_Change\", \"entity\": {\"type\": \"Shot\", \"id\": 2},"
                + " \"meta\": {\"new_value\": \"ip\", \"old_value\": null, \"entity_id\": 2, \"big\": 9007199254740993, \"ratio\": 0.5,"
                + " \"valid\": true, \"added\": [{\"type\": \"HumanUser\", \"id\": 7}], \"removed\": []}}}").getBytes(StandardCharsets.UTF_8);

        java.util.Map<String, Object> meta = parser.parse(body).get(0).meta();

        assertEquals("ip", meta.get("new_value"));
        assertTrue(meta.containsKey("old_value") && meta.get("old_value") == null);
        assertEquals(2, meta.get("entity_id"));
        assertEquals(9007199254740993L, meta.get("big"));
        assertEquals(0.5, meta.get("ratio"));
        assertEquals(true, meta.get("valid"));
        assertEquals(List.of(java.util.Map.of("type", "HumanUser", "id", 7)), meta.get("added"));
        assertEquals(List.of(), meta.get("removed"));
        assertEquals(List.of("new_value", "old_value", "entity_id", "big", "ratio", "valid", "added", "removed"), List.copyOf(meta.keySet()), "in the delivery's order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"data\": 3}", "{\"hello\": {}}", "{\"data\": {\"deliveries\": 5}}", "{\"data\": {\"x\": 1}}"})
    void a_body_that_is_not_a_delivery_is_refused(String body) {
        assertThrows(NotADeliveryException.class, () -> parser.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_entity_type_is_read_from_the_event_type_when_nothing_else_names_it() {
        assertEquals("Shot", ShotGridEvent.entityTypeOf("Shotgun_Shot_Change"));
        assertEquals("CustomEntity01", ShotGridEvent.entityTypeOf("Shotgun_CustomEntity01_New"));
        assertEquals(null, ShotGridEvent.entityTypeOf("ping"));
    }
}
