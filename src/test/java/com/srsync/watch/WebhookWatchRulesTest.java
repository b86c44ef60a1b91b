package com.srsync.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.events.ShotGridEvent;
import com.srsync.support.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook watch's rules: silence, our own answers, the hook's record and reviving it. */
class WebhookWatchRulesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MutableClock clock = new MutableClock();

    private ShotGridEvent shotChange(long id, String source) {
        return new ShotGridEvent(source, id, "Shotgun_Shot_Change", "update", "Shot", 1213L, 155L, "sg_status_list", Map.of(),
                clock.instant().toString());
    }

    @Test
    void events_in_the_log_that_never_came_by_webhook_raise_the_alarm_until_one_comes_again() {
        WebhookSilence silence = new WebhookSilence(clock, Duration.ofMinutes(2));
        clock.advance(Duration.ofSeconds(1));
        for (long id = 1; id <= 3; id++) silence.loggedAll(List.of(shotChange(id, "eventlog")));
        silence.check();
        assertNull(silence.problem(), "within the grace period nothing is missed yet");
        clock.advance(Duration.ofMinutes(3));
        silence.check();
        assertTrue(silence.problem().startsWith("3 events in a row in ShotGrid's event log never came by webhook"), silence.problem());

        silence.loggedAll(List.of(shotChange(4, "eventlog")));
        silence.arrived(List.of(shotChange(4, "webhook")));              // late, but within its grace
        clock.advance(Duration.ofMinutes(3));
        silence.check();
        assertNull(silence.problem(), "one came by webhook: the alarm clears");
        assertEquals(3, silence.missedTotal());
    }

    @Test
    void no_alarm_while_the_webhook_brings_every_event_or_for_events_it_does_not_cover() {
        WebhookSilence silence = new WebhookSilence(clock, Duration.ofMinutes(2));
        clock.advance(Duration.ofSeconds(1));
        for (long id = 1; id <= 5; id++) {
            silence.arrived(List.of(shotChange(id, "webhook")));
            silence.loggedAll(List.of(shotChange(id, "eventlog")));
        }
        for (long id = 10; id <= 15; id++) {                              // a Version: no required webhook covers it
            silence.loggedAll(List.of(new ShotGridEvent("eventlog", id, "Shotgun_Version_New", null, "Version", 9L, 155L, null, Map.of(),
                    clock.instant().toString())));
        }
        clock.advance(Duration.ofMinutes(3));
        silence.check();
        assertNull(silence.problem());
        assertEquals(0, silence.missedTotal());
    }

    @Test
    void events_from_before_this_replica_led_do_not_count() {
        WebhookSilence silence = new WebhookSilence(clock, Duration.ofMinutes(2));
        ShotGridEvent old = shotChange(1, "eventlog");
        clock.advance(Duration.ofMinutes(10));
        silence.watchFrom(clock.instant());
        ShotGridEvent justBefore = new ShotGridEvent("eventlog", 2L, "Shotgun_Shot_Change", null, "Shot", 1213L, 155L, "code", Map.of(),
                clock.instant().minusSeconds(60).toString());
        silence.loggedAll(List.of(old, justBefore));
        clock.advance(Duration.ofMinutes(5));
        silence.check();
        assertEquals(0, silence.missedTotal());
    }

    @Test
    void our_own_failed_and_slow_answers_are_counted_over_24_hours_with_a_warning_well_before_100() {
        WebhookAnswers answers = new WebhookAnswers(clock);
        assertEquals(-1, answers.secondsSinceLastDelivery());
        for (int i = 0; i < 30; i++) answers.answered(503, Duration.ofMillis(5));
        for (int i = 0; i < 19; i++) answers.answered(200, Duration.ofSeconds(6));
        answers.answered(200, Duration.ofMillis(20));
        assertEquals(49, answers.failedLastDay());
        assertNull(answers.problem());
        answers.answered(401, Duration.ofMillis(3));
        assertTrue(answers.problem().startsWith("50 webhook answers in the last 24 hours"), answers.problem());
        clock.advance(Duration.ofSeconds(42));
        assertEquals(42, answers.secondsSinceLastDelivery());
        clock.advance(Duration.ofHours(24));
        assertEquals(0, answers.failedLastDay(), "a day later they no longer count");
    }

    @Test
    void a_hook_that_is_not_active_or_fails_often_is_an_alarm_and_any_other_status_word_is_shown_raw() throws Exception {
        HookRecord record = new HookRecord(clock, false, () -> true, "https://site/page/webhooks");
        record.hooksRead(MAPPER.readTree("""
            {"data": [{"id": "a1", "type": "webhook", "attributes": {"url": "https://sync.studio.example/webhooks/shotgrid", "status": "active"}},
                      {"id": "b2", "type": "webhook", "attributes": {"url": "https://other.example/hook", "status": "failed"}}]}"""));
        assertEquals(List.of("a1"), record.ours(), "only hooks pointing at this service");
        assertNull(record.problem());
        assertNull(record.unknown());
        record.deliveriesRead("a1", MAPPER.readTree("{\"data\": " + "[{\"attributes\": {\"status\": \"failed\", \"response_code\": 503}}]".repeat(1)
                .replace("[", "[" + "{\"attributes\": {\"status\": \"failed\", \"response_code\": 503}},".repeat(19)) + "}"));
        assertTrue(record.problem().contains("had 20 failed deliveries in 24 hours"), record.problem());

        record.hooksRead(MAPPER.readTree("[{\"id\": \"a1\", \"url\": \"https://sync.studio.example/webhooks/shotgrid\", \"status\": \"unstable\"}]"));
        assertTrue(record.problem().contains("is 'unstable' on ShotGrid"), record.problem());
        assertTrue(record.problem().endsWith("switches it back on: https://site/page/webhooks"), record.problem());
        assertEquals(List.of(), record.reviveDue(), "read-only unless revive is switched on");
    }

    @Test
    void a_refused_read_is_unknown_and_a_status_change_delivery_raises_the_alarm() {
        HookRecord record = new HookRecord(clock, false, () -> true, "page");
        record.readFailed(403, "HTTP 403");
        assertTrue(record.unknown().contains("API Admin"), record.unknown());
        WebhookCheckProbe probe = new WebhookCheckProbe(record);
        assertEquals("UNKNOWN", probe.state());

        record.statusChanges(List.of(new ShotGridEvent("webhook", 99L, "Webhook_Status_Change", "update", "Webhook", null, null, "status",
                Map.of("old_value", "active", "new_value", "failed"), null)));
        assertTrue(record.problem().startsWith("ShotGrid announced the webhook's status 'failed'"), record.problem());
        assertEquals("DOWN", probe.state());
    }

    @Test
    void a_failed_hook_is_revived_only_when_asked_only_while_healthy_and_at_most_once_an_hour() throws Exception {
        boolean[] healthy = {false};
        HookRecord record = new HookRecord(clock, true, () -> healthy[0], "page");
        record.hooksRead(MAPPER.readTree("[{\"id\": \"a1\", \"url\": \"https://s/webhooks/shotgrid\", \"status\": \"failed\"}]"));
        assertEquals(List.of(), record.reviveDue(), "not while the service's own health is red");
        healthy[0] = true;
        assertEquals(List.of("a1"), record.reviveDue());
        record.revived("a1");
        record.hooksRead(MAPPER.readTree("[{\"id\": \"a1\", \"url\": \"https://s/webhooks/shotgrid\", \"status\": \"failed\"}]"));
        clock.advance(Duration.ofMinutes(59));
        assertEquals(List.of(), record.reviveDue(), "at most once an hour");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of("a1"), record.reviveDue());
        record.hooksRead(MAPPER.readTree("[{\"id\": \"a1\", \"url\": \"https://s/webhooks/shotgrid\", \"status\": \"disabled\"}]"));
        assertEquals(List.of(), record.reviveDue(), "a hook a person disabled stays off");
    }

    /** The webhook health check's state for a record alone. */
    private final class WebhookCheckProbe {
        private final WebhookCheck check;

        WebhookCheckProbe(HookRecord record) {
            check = new WebhookCheck(null, new WebhookAnswers(clock), record);
            check.setCamelContext(new org.apache.camel.impl.DefaultCamelContext());
        }

        String state() {
            return check.call().getState().name();
        }
    }
}
