package com.srsync.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventRelevanceTest {
    @ParameterizedTest(name = "{0} {1}.{2} in project {3} -> {4}")
    @CsvSource(nullValues = "-", value = {
        "Shotgun_Shot_Change,       Shot,      sg_status_list, 155, 155",
        "Shotgun_Shot_Change,       Shot,      code,           155, 155",
        "Shotgun_Shot_Change,       Shot,      sg_sequence,    155, 155",
        "Shotgun_Shot_Change,       Shot,      description,    155, -",
        "Shotgun_Shot_New,          Shot,      -,              155, 155",
        "Shotgun_Shot_Retirement,   Shot,      -,              155, 155",
        "Shotgun_Shot_Revival,      Shot,      -,              155, 155",
        "Shotgun_Task_Change,       Task,      task_assignees, 155, 155",
        "Shotgun_Task_Change,       Task,      entity,         155, 155",
        "Shotgun_Task_Change,       Task,      sg_status_list, 155, -",
        "Shotgun_Task_New,          Task,      -,              155, 155",
        "Shotgun_Task_Retirement,   Task,      -,              155, 155",
        "Shotgun_Sequence_Change,   Sequence,  code,           155, 155",
        "Shotgun_Sequence_New,      Sequence,  -,              155, -",
        "Shotgun_Project_Change,    Project,   tank_name,      -,   155",
        "Shotgun_HumanUser_Change,  HumanUser, login,          -,   all",
        "Shotgun_HumanUser_Change,  HumanUser, name,           -,   all",
        "Shotgun_Group_Change,      Group,     users,          -,   all",
        "Shotgun_Shot_Change,       Shot,      sg_status_list, -,   all",
        "Shotgun_Version_New,       Version,   -,              155, -",
        "Shotgun_Shot_Change,       Shot,      sg_resilio_delivery, 155, -",   // the service's own delivery summary: no feedback loop
        "Shotgun_Note_Change,       Note,      content,        155, -",
        "ping,                      -,         -,              -,   -",
    })
    void an_event_asks_for_its_project_every_project_or_nothing(String type, String entity, String attribute, Long project, String expected) {
        Long entityId = "Project".equals(entity) ? 155L : 1L;
        ShotGridEvent event = new ShotGridEvent("webhook", 1L, type, "update", entity, entityId, project, attribute, null, null);
        assertEquals(expected, EventRelevance.trigger(event));
    }

    @ParameterizedTest(name = "{0} {2}: project mode -> {3}, per_asset -> {4}")
    @CsvSource(nullValues = "-", value = {
        "Shotgun_Asset_New,         Asset,     -,              -,   155",
        "Shotgun_Asset_Retirement,  Asset,     -,              -,   155",
        "Shotgun_Asset_Revival,     Asset,     -,              -,   155",
        "Shotgun_Asset_Change,      Asset,     sg_status_list, -,   155",
        "Shotgun_Asset_Change,      Asset,     code,           -,   155",
        "Shotgun_Asset_Change,      Asset,     sg_asset_type,  -,   155",
        "Shotgun_Asset_Change,      Asset,     shots,          -,   155",
        "Shotgun_Asset_Change,      Asset,     project,        -,   155",
        "Shotgun_Asset_Change,      Asset,     description,    -,   -",
        "Shotgun_Shot_Change,       Shot,      assets,         -,   155",
        "Shotgun_Shot_Change,       Shot,      sg_status_list, 155, 155",
        "Shotgun_Task_Change,       Task,      task_assignees, 155, 155",   // a task counts in both modes: its event does not say whether it is on a shot or an asset
    })
    void asset_events_count_only_with_assets_per_asset(String type, String entity, String attribute, String projectMode, String perAsset) {
        ShotGridEvent event = new ShotGridEvent("webhook", 1L, type, "update", entity, 1L, 155L, attribute, null, null);
        assertEquals(projectMode, EventRelevance.trigger(event, false));
        assertEquals(perAsset, EventRelevance.trigger(event, true));
        assertEquals(perAsset, EventRelevance.trigger(event), "what must never be lost counts in either mode");
    }
}
