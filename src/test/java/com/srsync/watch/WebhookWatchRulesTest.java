package com.srsync.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.events.ShotGridEvent;
import com.srsync.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The webhook watch's rules, in the order production sees events (the webhook first, the event log a poll
 * later), each alarm both ways: raised, and cleared.
 */
class WebhookWatchRulesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MutableClock clock = new MutableClock();

    /** A Shot status change, created at {@code created} (ShotGrid's clock). */
    private static ShotGridEvent shotChange(long id, String source, Instant created) {
        return new ShotGridEvent(source, id, "Shotgun_Shot_Change", "update", "Shot", 1213L, 155L, "sg_status_list", Map.of(),
                created.toString().replace('T', ' ').replace("Z", ""));
    }

    private ShotGridEvent shotChange(long id, String source) {
        return shotChange(id, source, clock.instant());
    }

    /** A silence detector whose term began when the log's newest event was {@code newest}. */
    private WebhookSilence watching(long newest) throws Exception {
        WebhookSilence silence = new WebhookSilence(clock, Duration.ofMinutes(2));
        assertTrue(silence.needsStart());
        silence.watchAfter(List.of(MAPPER.readTree("{\"id\": " + newest + "}")));
        assertFalse(silence.needsStart());
        return silence;
    }

    /** One event as production sees it: by webhook (if it came), then read from the log at the next poll. */
    private void event(WebhookSilence silence, long id, boolean byWebhook) {
        if (byWebhook) silence.arrived(List.of(shotChange(id, "webhook")));
        clock.advance(Duration.ofSeconds(5));
        silence.loggedAll(List.of(shotChange(id, "eventlog")));
    }

    @Test
    void a_webhook_that_brings_every_event_raises_nothing() throws Exception {
        WebhookSilence silence = watching(0);
        for (long id = 1; id <= 10; id++) event(silence, id, true);
        clock.advance(Duration.ofMinutes(5));
        silence.check();
        assertNull(silence.problem());
        assertEquals(0, silence.missedTotal());
    }

    @Test
    void three_events_in_a_row_that_never_came_by_webhook_raise_the_alarm_and_one_that_came_clears_it() throws Exception {
        WebhookSilence silence = watching(0);
        for (long id = 1; id <= 3; id++) event(silence, id, false);
        silence.check();
        assertNull(silence.problem(), "within the grace period nothing is missed yet");
        clock.advance(Duration.ofMinutes(3));
        silence.check();
        assertTrue(silence.problem().startsWith("3 events in a row in ShotGrid's event log never came by webhook (the first: event 1)"),
                silence.problem());

        event(silence, 4, true);                                          // the webhook works again: it came first, the log later
        assertNull(silence.problem(), "one event by webhook clears the alarm at once");
        assertEquals(3, silence.missedTotal());
    }

    @Test
    void a_good_event_between_missed_ones_breaks_the_row() throws Exception {
        WebhookSilence silence = watching(0);
        event(silence, 1, false);
        event(silence, 2, true);
        event(silence, 3, false);
        event(silence, 4, false);
        clock.advance(Duration.ofMinutes(3));
        silence.check();
        assertNull(silence.problem(), "1 and 3, 4 were missed, but 2 came between them: two in a row");
        assertEquals(3, silence.missedTotal());
        event(silence, 5, false);
        clock.advance(Duration.ofMinutes(3));
        silence.check();
        assertTrue(silence.problem().startsWith("3 events in a row"), silence.problem());
    }

    @Test
    void a_local_clock_minutes_off_raises_nothing() throws Exception {
        WebhookSilence silence = watching(0);
        Instant shotgridNow = clock.instant().minus(Duration.ofMinutes(9));   // our clock runs nine minutes ahead of ShotGrid's
        for (long id = 1; id <= 5; id++) {
            silence.loggedAll(List.of(shotChange(id, "eventlog", shotgridNow)));   // the log is read before the webhook comes
            clock.advance(Duration.ofSeconds(20));
            silence.arrived(List.of(shotChange(id, "webhook", shotgridNow)));
            silence.check();
        }
        clock.advance(Duration.ofMinutes(5));
        silence.check();
        assertNull(silence.problem());
        assertEquals(0, silence.missedTotal());
    }

    @Test
    void events_from_before_this_term_and_events_no_required_webhook_sends_do_not_count() throws Exception {
        WebhookSilence silence = watching(100);
        for (long id = 98; id <= 100; id++) event(silence, id, false);   // went to the replica that led before
        for (long id = 101; id <= 104; id++) {                            // a Version: no required webhook covers it
            clock.advance(Duration.ofSeconds(5));
            silence.loggedAll(List.of(new ShotGridEvent("eventlog", id, "Shotgun_Version_New", null, "Version", 9L, 155L, null, Map.of(),
                    null)));
        }
        clock.advance(Duration.ofMinutes(5));
        silence.check();
        assertEquals(0, silence.missedTotal());
        silence.forgetTerm();
        assertTrue(silence.needsStart(), "a new term: its starting point is read again");
    }

    @Test
    void asset_events_missing_from_the_webhook_count_only_with_assets_per_asset() throws Exception {
        for (boolean perAsset : new boolean[] {false, true}) {
            WebhookSilence silence = new WebhookSilence(clock, Duration.ofMinutes(2), e -> WebhookSilence.requiredHookSends(e, perAsset));
            silence.watchAfter(List.of(MAPPER.readTree("{\"id\": 0}")));
            for (long id = 1; id <= 3; id++) {                              // an Asset's status, then a Shot's assets, never by webhook
                clock.advance(Duration.ofSeconds(5));
                String attribute = id == 2 ? "assets" : "sg_status_list";
                String entity = id == 2 ? "Shot" : "Asset";
                silence.loggedAll(List.of(new ShotGridEvent("eventlog", id, "Shotgun_" + entity + "_Change", "update", entity, 701L, 155L,
                        attribute, Map.of(), null)));
            }
            clock.advance(Duration.ofMinutes(5));
            silence.check();
            assertEquals(perAsset ? 3 : 0, silence.missedTotal(), "per_asset " + perAsset);
            assertEquals(perAsset, silence.problem() != null, String.valueOf(silence.problem()));
        }
    }

    @Test
    void valid_deliveries_answered_badly_are_counted_over_24_hours_with_a_warning_well_before_100() {
        WebhookAnswers answers = new WebhookAnswers(clock);
        assertEquals(-1, answers.secondsSinceLastDelivery());
        for (int i = 0; i < 30; i++) answers.delivered(500, Duration.ofMillis(5));
        for (int i = 0; i < 19; i++) answers.delivered(200, Duration.ofSeconds(6));
        answers.delivered(200, Duration.ofMillis(20));
        assertEquals(49, answers.failedLastDay());
        assertNull(answers.problem());
        answers.delivered(500, Duration.ofMillis(3));
        assertTrue(answers.problem().startsWith("50 webhook answers in the last 24 hours"), answers.problem());
        clock.advance(Duration.ofSeconds(42));
        assertEquals(42, answers.secondsSinceLastDelivery());
        clock.advance(Duration.ofHours(24));
        assertEquals(0, answers.failedLastDay(), "a day later they no longer count");
        assertNull(answers.problem());
    }

    @Test
    void requests_that_are_no_valid_delivery_never_count_as_deliveries_and_a_bad_signature_is_a_warning_in_words() {
        WebhookAnswers answers = new WebhookAnswers(clock);
        for (int i = 0; i < 150; i++) answers.badSignature();
        for (int i = 0; i < 150; i++) answers.notADelivery();
        assertEquals(-1, answers.secondsSinceLastDelivery(), "no delivery came");
        assertEquals(0, answers.failedLastDay());
        assertNull(answers.problem(), "a stranger's requests raise no alarm and never block a revive");
        assertEquals(150, answers.refusedLastDay("signature"));
        assertEquals(150, answers.refusedLastDay("shape"));
        assertTrue(answers.warning().endsWith("if these came from ShotGrid, its webhook secret differs from SECRET_TOKEN"), answers.warning());
        clock.advance(Duration.ofHours(25));
        assertNull(answers.warning(), "the warning goes when the refusals are a day old");
    }

    @Test
    void a_status_change_delivery_raises_the_alarm_and_an_active_one_clears_it_without_any_setting() {
        HookAnnouncements announcements = new HookAnnouncements();
        WebhookCheck check = check(null, announcements, () -> false);
        assertEquals("UP", state(check));
        announcements.arrived(List.of(statusChange("active", "failed")));
        assertTrue(announcements.problem().startsWith("ShotGrid announced the webhook's new status 'failed'"), announcements.problem());
        assertEquals("DOWN", state(check));
        announcements.arrived(List.of(statusChange("failed", "active")));
        assertNull(announcements.problem());
        assertEquals("UP", state(check));
    }

    @Test
    void a_read_of_the_hooks_that_finds_them_active_clears_an_announced_status() throws Exception {
        HookAnnouncements announcements = new HookAnnouncements();
        HookRecord record = new HookRecord(clock, false, () -> true, "page", announcements);
        announcements.arrived(List.of(statusChange("active", "disabled")));
        assertEquals("DOWN", state(check(record, announcements, () -> false)));
        record.hooksRead(hooks("active"));
        assertNull(announcements.problem());
        assertEquals("UP", state(check(record, announcements, () -> false)));
    }

    @Test
    void a_hook_that_is_not_active_or_fails_often_is_an_alarm_any_other_status_word_is_shown_raw_and_both_clear() throws Exception {
        HookRecord record = new HookRecord(clock, false, () -> true, "https://site/page/webhooks", new HookAnnouncements());
        record.hooksRead(MAPPER.readTree("""
            {"data": [{"id": "a1", "type": "webhook", "attributes": {"url": "https://sync.studio.example/webhooks/shotgrid", "status": "active"}},
                      {"id": "b2", "type": "webhook", "attributes": {"url": "https://other.example/hook", "status": "failed"}}]}"""));
        assertEquals(List.of("a1"), record.ours(), "only hooks pointing at this service");
        assertNull(record.problem());
        assertNull(record.unknown());
        record.deliveriesRead("a1", MAPPER.readTree("{\"data\": [" + "{\"attributes\": {\"status\": \"failed\", \"response_code\": 503}},".repeat(19)
                + "{\"attributes\": {\"status\": \"delivered\", \"response_code\": 0}}]}"));
        assertTrue(record.problem().contains("had 20 failed deliveries in 24 hours"), record.problem());
        record.deliveriesRead("a1", MAPPER.readTree("{\"data\": []}"));
        assertNull(record.problem(), "a day later the failures are gone: the alarm clears");

        record.hooksRead(hooks("unstable"));
        assertTrue(record.problem().contains("is 'unstable' on ShotGrid"), record.problem());
        assertTrue(record.problem().endsWith("switches it back on: https://site/page/webhooks"), record.problem());
        assertEquals(List.of(), record.reviveDue(), "read-only unless revive is switched on");
        record.hooksRead(hooks("active"));
        assertNull(record.problem());
    }

    @Test
    void a_refused_read_is_unknown_until_a_read_works() throws Exception {
        HookRecord record = new HookRecord(clock, false, () -> true, "page", new HookAnnouncements());
        record.readFailed(403, "HTTP 403");
        assertTrue(record.unknown().contains("API Admin"), record.unknown());
        WebhookCheck check = check(record, new HookAnnouncements(), () -> false);
        assertEquals("UNKNOWN", state(check));
        record.hooksRead(hooks("active"));
        assertEquals("UP", state(check));
    }

    @Test
    void a_failed_hook_is_revived_only_when_asked_only_while_healthy_and_at_most_once_an_hour() throws Exception {
        boolean[] healthy = {false};
        HookRecord record = new HookRecord(clock, true, () -> healthy[0], "page", new HookAnnouncements());
        record.hooksRead(hooks("failed"));
        assertEquals(List.of(), record.reviveDue(), "not while the service's own health is red");
        healthy[0] = true;
        assertEquals(List.of("a1"), record.reviveDue());
        record.revived("a1");
        record.hooksRead(hooks("failed"));
        clock.advance(Duration.ofMinutes(59));
        assertEquals(List.of(), record.reviveDue(), "at most once an hour");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of("a1"), record.reviveDue());
        record.hooksRead(hooks("disabled"));
        assertEquals(List.of(), record.reviveDue(), "a hook a person disabled stays off");
    }

    @Test
    void a_standby_shows_none_of_the_leaders_alarms_and_a_new_term_starts_afresh() throws Exception {
        HookAnnouncements announcements = new HookAnnouncements();
        HookRecord record = new HookRecord(clock, false, () -> true, "page", announcements);
        WebhookAnswers answers = new WebhookAnswers(clock);
        boolean[] standby = {false};
        WebhookCheck check = new WebhookCheck(null, answers, announcements, record, () -> standby[0]);
        check.setCamelContext(new org.apache.camel.impl.DefaultCamelContext());
        record.hooksRead(hooks("failed"));
        announcements.arrived(List.of(statusChange("active", "failed")));
        for (int i = 0; i < 60; i++) answers.delivered(500, Duration.ofMillis(1));
        assertEquals(3, check.problems().size());
        standby[0] = true;
        assertEquals(List.of(), check.problems(), "a standby is not DOWN for the leader's reasons");
        assertEquals("UP", check.call().getState().name());
        for (var piece : List.of(record, announcements, answers)) piece.forgetTerm();
        standby[0] = false;
        assertEquals(List.of(), check.problems(), "leading again: nothing of the last term is shown");
    }

    private static ShotGridEvent statusChange(String from, String to) {
        return new ShotGridEvent("webhook", 0L, "Webhook_Status_Change", "update", null, null, null, null,
                Map.of("old_value", from, "new_value", to), null);
    }

    @Test
    void a_hook_that_leaves_out_what_the_planner_reacts_to_is_a_warning_until_it_sends_it() throws Exception {
        HookRecord record = new HookRecord(clock, false, () -> true, "page", new HookAnnouncements(), () -> false, "the event log poll");
        String shot = "{\"Shot\": {\"create\": [], \"update\": [], \"delete\": [], \"revive\": []}}";
        String task = "{\"Task\": {\"create\": [], \"update\": [\"entity\", \"project\"], \"delete\": [], \"revive\": []}}";
        record.hooksRead(MAPPER.readTree("[{\"id\": \"a1\", \"url\": \"https://s/webhooks/shotgrid\", \"status\": \"active\", \"entity_types\": "
                + shot + "}, {\"id\": \"b2\", \"url\": \"https://s/webhooks/shotgrid\", \"status\": \"active\", \"entity_types\": " + task + "}]"));
        WebhookCheck check = check(record, new HookAnnouncements(), () -> false);

        assertEquals(List.of("the Task webhook does not send task_assignees: assignment changes wait for the event log poll"), check.warnings());
        assertEquals(org.apache.camel.health.HealthCheck.State.UP, check.call().getState(), "the service still works, later");

        record.hooksRead(MAPPER.readTree("[{\"id\": \"a1\", \"url\": \"https://s/webhooks/shotgrid\", \"status\": \"active\", \"entity_types\": "
                + shot + "}, {\"id\": \"b2\", \"url\": \"https://s/webhooks/shotgrid\", \"status\": \"active\", \"entity_types\": "
                + task.replace("[\"entity\", \"project\"]", "[\"entity\", \"project\", \"task_assignees\"]") + "}]"));
        assertEquals(List.of(), check.warnings(), "cleared once the hook sends it");

        record.hooksRead(MAPPER.readTree("[{\"id\": \"b2\", \"url\": \"https://s/webhooks/shotgrid\", \"status\": \"active\", \"entity_types\": "
                + task + "}]"));
        assertEquals(2, check.warnings().size(), check.warnings().toString());
        record.forgetTerm();
        assertEquals(List.of(), check.warnings(), "a new term shows nothing of the last one's read");
    }

    private static JsonNode hooks(String status) throws Exception {
        return MAPPER.readTree("[{\"id\": \"a1\", \"url\": \"https://s/webhooks/shotgrid\", \"status\": \"" + status + "\"}]");
    }

    private WebhookCheck check(HookRecord record, HookAnnouncements announcements, java.util.function.BooleanSupplier standby) {
        WebhookCheck check = new WebhookCheck(null, new WebhookAnswers(clock), announcements, record, standby);
        check.setCamelContext(new org.apache.camel.impl.DefaultCamelContext());
        return check;
    }

    private static String state(WebhookCheck check) {
        return check.call().getState().name();
    }
}
