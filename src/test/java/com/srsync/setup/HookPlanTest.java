package com.srsync.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The site's hooks against the webhook table: what each lacks, the write that makes it match, and never a hook of someone else's. */
class HookPlanTest {
    private static final String BASE = "https://sync.studio.example";
    private static final String OURS = BASE + "/webhooks/shotgrid";
    private static final List<HookSpec> REQUIRED = HookSpec.table(false).stream().filter(HookSpec::required).toList();

    private static SiteHook hook(String id, String url, String entity, List<String> updateFields, boolean batch, boolean token, String status) {
        Map<String, List<String>> events = new LinkedHashMap<>();
        events.put("create", List.of());
        events.put("update", updateFields);
        events.put("delete", List.of());
        events.put("revive", List.of());
        return new SiteHook(id, url, status, Map.of(entity, events), batch, token);
    }

    private static List<HookPlan.Change> plan(SiteHook... site) {
        return HookPlan.of(REQUIRED, List.of(site), HookUrls.ours(java.net.URI.create(BASE)), OURS, "the-secret");
    }

    @Test
    void a_row_no_hook_of_ours_sends_is_a_create_with_the_events_fields_batch_and_secret() {
        List<HookPlan.Change> changes = plan();
        HookPlan.Change task = changes.get(1);
        assertTrue(task.isCreate());
        assertEquals(Map.of("Task", Map.of("create", List.of(), "update", List.of("entity", "project", "task_assignees"), "delete", List.of(),
                "revive", List.of())), task.body().get("entity_types"));
        assertEquals(OURS, task.body().get("url"));
        assertEquals(true, task.body().get("batch_deliveries"));
        assertEquals("the-secret", task.body().get("token"));
    }

    @Test
    void a_hook_lacking_a_field_is_widened_never_narrowed() {
        HookPlan.Change task = plan(hook("h1", OURS, "Task", List.of("entity", "project", "content"), true, true, "active")).get(1);
        assertEquals(List.of(new HookPlan.Gap(HookPlan.Gap.Kind.FIELD, "task_assignees")), task.gaps());
        assertEquals(Map.of("entity_types", Map.of("Task", Map.of("create", List.of(), "update", List.of("content", "entity", "project", "task_assignees"),
                "delete", List.of(), "revive", List.of()))), task.body());
    }

    @Test
    void an_empty_field_filter_sends_every_field() {
        assertTrue(plan(hook("h1", OURS, "Task", List.of(), true, true, "active")).get(1).matches());
    }

    @Test
    void batch_off_no_secret_and_a_disabled_hook_are_each_set_right() {
        HookPlan.Change shot = plan(hook("h1", OURS, "Shot", List.of(), false, false, "disabled")).get(0);
        assertEquals(List.of(HookPlan.Gap.Kind.BATCH, HookPlan.Gap.Kind.SECRET, HookPlan.Gap.Kind.STATUS), shot.gaps().stream().map(HookPlan.Gap::kind).toList());
        assertEquals(Map.of("batch_deliveries", true, "token", "the-secret", "status", "active"), shot.body());
    }

    @Test
    void a_hook_that_points_elsewhere_is_never_in_a_write() {
        List<HookPlan.Change> changes = plan(hook("theirs", "https://other.example/hook", "Task", List.of("content"), false, false, "disabled"));
        assertTrue(changes.get(1).isCreate(), "ours is made beside it");
        assertTrue(changes.stream().noneMatch(c -> "theirs".equals(c.hookId())));
    }

    @Test
    void the_old_tools_addresses_count_as_ours() {
        assertTrue(plan(hook("old", BASE + "/assignment_webhook", "Task", List.of(), true, true, "active")).get(1).matches());
    }

    @Test
    void applying_the_plan_leaves_nothing_to_do() {
        List<SiteHook> site = new ArrayList<>(List.of(hook("h1", OURS, "Task", List.of("entity"), false, true, "active")));
        for (HookPlan.Change c : plan(site.toArray(new SiteHook[0]))) {          // what the site holds after each write
            site.removeIf(h -> h.id().equals(c.hookId()));
            if (!c.matches()) site.add(applied(c));
        }
        assertTrue(plan(site.toArray(new SiteHook[0])).stream().allMatch(HookPlan.Change::matches));
    }

    @SuppressWarnings("unchecked")
    private static SiteHook applied(HookPlan.Change c) {
        Map<String, Map<String, List<String>>> types = (Map<String, Map<String, List<String>>>) c.body().get("entity_types");
        return new SiteHook(c.hookId() == null ? "new-" + c.spec().entity() : c.hookId(), OURS, "active", types, true, true);
    }
}
