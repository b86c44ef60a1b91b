package com.srsync.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.shotgrid.SearchQuery;
import com.srsync.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery summary on the Shot: compared with what the Shot holds, written when they differ, at most once a
 * minute a shot, never from a stale state, within a budget; a final summary when a shot's job goes; paced after
 * failures and stopped when ShotGrid says the field is wrong.
 */
class DeliveryWriteBackTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FIELD = "sg_resilio_delivery";
    private final MutableClock clock = new MutableClock();
    private final WriteBackPacing pacing = new WriteBackPacing(clock, 20, Duration.ofMinutes(1), Duration.ofMinutes(15));
    private final List<String> refusals = new ArrayList<>();
    private DeliveryView view;
    private Set<Long> active = Set.of(1213L);
    private DeliveryWriteBack writeBack;

    @BeforeEach
    void schemaAndValuesRead() throws Exception {
        view = view(job(1004, "TST_010_0010", List.of(1213L)), false);
        writeBack = new DeliveryWriteBack(FIELD, () -> view, project -> active, (project, shot) -> null, clock, Duration.ofMinutes(1), MAPPER,
                pacing, refusals::add);
        assertEquals("/schema/Shot/fields/" + FIELD, writeBack.schemaPath());
        assertEquals(List.of(), writeBack.due(), "nothing before the field's schema is read");
        writeBack.schemaRead(json("{\"data\": {\"data_type\": {\"value\": \"text\"}, \"editable\": {\"value\": true}}}"));
        assertNull(writeBack.schemaPath(), "read once a term");
        assertEquals(List.of(), writeBack.due(), "nothing before the project's shots are read: what they hold is not known");
        assertEquals(List.of(155L), writeBack.projectsToRead());
    }

    private void holds(String... shotAndText) throws Exception {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < shotAndText.length; i += 2) {
            rows.add(json("{\"type\": \"Shot\", \"id\": " + shotAndText[i] + ", \"attributes\": {\"code\": \"x\", \"sg_status_list\": \"active\", \""
                    + FIELD + "\": " + MAPPER.writeValueAsString(shotAndText[i + 1]) + "}}"));
        }
        writeBack.valuesRead(155, rows);
    }

    @Test
    void a_summary_is_written_when_it_differs_from_what_the_shot_holds_and_at_most_once_a_minute() throws Exception {
        holds();
        List<DeliveryWriteBack.ShotSummary> first = writeBack.due();
        assertEquals(1, first.size());
        assertEquals(1213, first.get(0).shotId());
        assertEquals("{\"sg_resilio_delivery\":\"1/2 ready - Alex Trial offline since 09:12 UTC\"}", first.get(0).body());
        assertEquals("/entity/shots/1213", writeBack.path(first.get(0)));
        writeBack.written(first.get(0));

        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), writeBack.due(), "unchanged: nothing to write");
        view = view(job(1004, "TST_010_0010", List.of(1213L)), true);
        DeliveryWriteBack.ShotSummary changed = writeBack.due().get(0);
        assertEquals("2/2 ready", changed.text());
        writeBack.written(changed);
        clock.advance(Duration.ofSeconds(30));
        view = view(job(1004, "TST_010_0010", List.of(1213L)), false);
        assertEquals(List.of(), writeBack.due(), "changed again within a minute: waits");
        clock.advance(Duration.ofSeconds(31));
        assertEquals("1/2 ready - Alex Trial offline since 09:12 UTC", writeBack.due().get(0).text());
    }

    @Test
    void after_a_restart_a_shot_that_already_holds_its_summary_is_not_written_again() throws Exception {
        holds("1213", "1/2 ready - Alex Trial offline since 09:12 UTC");
        assertEquals(List.of(), writeBack.due());
    }

    @Test
    void a_stale_state_is_not_written_and_a_failed_write_is_due_again() throws Exception {
        holds();
        assertEquals(1, writeBack.due().size());
        assertEquals(1, writeBack.due().size(), "not written: due again at the next tick");
        view = new DeliveryView(clock.instant(), clock.instant(), "GET /agents answered 502", view.jobs(), List.of());
        assertEquals(List.of(), writeBack.due());
    }

    @Test
    void two_active_shots_of_one_code_both_get_theirs() throws Exception {
        view = view(job(1004, "TST_010_0010", List.of(1213L, 1299L)), true);
        holds();
        assertEquals(List.of(1213L, 1299L), writeBack.due().stream().map(DeliveryWriteBack.ShotSummary::shotId).toList());
    }

    @Test
    void a_shot_whose_job_went_gets_a_final_summary_with_its_status_and_then_nothing_more() throws Exception {
        holds("1213", "1/1 ready");
        view = new DeliveryView(clock.instant(), null, null, List.of(), List.of());      // the job was deleted: the shot went on hold
        active = Set.of();
        assertEquals(List.of(), writeBack.due(), "its status is read first");
        SearchQuery asked = writeBack.statusQuery();
        assertEquals(List.of("id", "in", List.of(1213L)), asked.filters().get(0));
        writeBack.statusesRead(List.of(json("{\"type\": \"Shot\", \"id\": 1213, \"attributes\": {\"sg_status_list\": \"hld\"}}")), asked);
        DeliveryWriteBack.ShotSummary last = writeBack.due().get(0);
        assertEquals("no sync job: shot on hold", last.text());
        writeBack.written(last);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), writeBack.due());
        assertNull(writeBack.statusQuery());
    }

    @Test
    void an_active_shot_without_a_job_says_why_and_a_shot_shotgrid_no_longer_has_is_left_alone() throws Exception {
        holds("1213", "1/1 ready", "1214", "2/2 ready");
        view = new DeliveryView(clock.instant(), null, null, List.of(), List.of());
        active = Set.of(1213L);                                                         // still active, its last artist gone
        SearchQuery asked = writeBack.statusQuery();
        writeBack.statusesRead(List.of(), asked);                                       // 1214 is not returned: retired
        List<DeliveryWriteBack.ShotSummary> due = writeBack.due();
        assertEquals(1, due.size());
        assertEquals("no sync job: no artist of artists.yaml on its tasks", due.get(0).text());
    }

    @Test
    void a_tick_writes_at_most_its_budget() throws Exception {
        List<JobDelivery> jobs = new ArrayList<>();
        for (long shot = 1; shot <= 45; shot++) jobs.add(job(2000 + shot, "S" + shot, List.of(shot)).jobs().get(0));
        view = new DeliveryView(clock.instant(), null, null, jobs, List.of());
        holds();
        assertEquals(20, writeBack.due().size());
    }

    @Test
    void a_shotgrid_error_pauses_the_whole_site_and_a_refused_field_stops_the_write_back() throws Exception {
        holds();
        DeliveryWriteBack.ShotSummary summary = writeBack.due().get(0);
        writeBack.failed(summary, 503, "Service Unavailable");
        assertEquals(List.of(), writeBack.due(), "paused");
        assertTrue(pacing.pausing().startsWith("paused until "), pacing.pausing());
        clock.advance(Duration.ofSeconds(61));
        assertEquals(1, writeBack.due().size(), "the pause is over");
        writeBack.failed(summary, 404, "Shot 1213 not found");
        assertEquals(List.of(), writeBack.due(), "the shot is gone: not written again in this term");

        writeBack.forgetTerm();
        writeBack.schemaRead(json("{\"data\": {\"data_type\": {\"value\": \"text\"}}}"));
        holds();
        writeBack.failed(writeBack.due().get(0), 400, "field sg_resilio_delivery does not exist or user does not have access permission");
        assertTrue(writeBack.problem().startsWith("Shot.sg_resilio_delivery does not exist on the site"), writeBack.problem());
        assertEquals(List.of(), writeBack.due());
        assertNull(writeBack.schemaPath(), "stopped: nothing more is asked either");
        assertEquals(List.of(), refusals, "not at start-up: the service goes on");
    }

    @Test
    void a_field_the_schema_refuses_at_start_up_stops_the_service() throws Exception {
        DeliveryWriteBack fresh = new DeliveryWriteBack(FIELD, () -> view, project -> active, (p, s) -> null, clock, Duration.ofMinutes(1),
                MAPPER, new WriteBackPacing(clock, 20, Duration.ofMinutes(1), Duration.ofMinutes(15)), refusals::add);
        fresh.schemaRead(json("{\"data\": {\"data_type\": {\"value\": \"status_list\"}, \"editable\": {\"value\": true}}}"));
        assertEquals(1, refusals.size());
        assertTrue(refusals.get(0).startsWith("SHOTGRID_DELIVERY_FIELD: Shot.sg_resilio_delivery is a field of type 'status_list', not text"),
                refusals.get(0));
        DeliveryWriteBack missing = new DeliveryWriteBack(FIELD, () -> view, project -> active, (p, s) -> null, clock, Duration.ofMinutes(1),
                MAPPER, new WriteBackPacing(clock, 20, Duration.ofMinutes(1), Duration.ofMinutes(15)), refusals::add);
        missing.schemaFailed(404, "{\"errors\": [{\"title\": \"field not found\"}]}");
        assertTrue(refusals.get(1).contains("does not exist on the site"), refusals.get(1));
        DeliveryWriteBack unreachable = new DeliveryWriteBack(FIELD, () -> view, project -> active, (p, s) -> null, clock,
                Duration.ofMinutes(1), MAPPER, new WriteBackPacing(clock, 20, Duration.ofMinutes(1), Duration.ofMinutes(15)), refusals::add);
        unreachable.schemaFailed(0, "Connection refused");
        assertEquals(2, refusals.size(), "ShotGrid unreachable: no verdict, asked again after a pause");
        clock.advance(Duration.ofMinutes(2));
        assertEquals("/schema/Shot/fields/" + FIELD, unreachable.schemaPath());
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private DeliveryView job(long jobId, String shot, List<Long> shotIds) {
        TrackedJob job = new TrackedJob(155, jobId, "HybridWork_TST_" + shot, shot, shotIds, List.of(new TrackedJob.Agent(4, "primary_storage", null),
                new TrackedJob.Agent(3, "enduser", "Matthew Testuser")));
        return new DeliveryView(clock.instant(), null, null, List.of(DeliveryAssessment.assess(job, agents(true), run(jobId),
                rows(true), clock.instant())), List.of());
    }

    private DeliveryView view(DeliveryView one, boolean alexOnline) {
        TrackedJob base = one.jobs().get(0).job();
        TrackedJob job = new TrackedJob(155, base.jobId(), base.name(), base.shot(), base.shotIds(), List.of(new TrackedJob.Agent(4, "primary_storage", null),
                new TrackedJob.Agent(2, "enduser", "Alex Trial"), new TrackedJob.Agent(3, "enduser", "Matthew Testuser")));
        return new DeliveryView(clock.instant(), null, null, List.of(DeliveryAssessment.assess(job, agents(alexOnline), run(base.jobId()),
                rows(alexOnline), clock.instant())), List.of());
    }

    private static RunRecord run(long jobId) {
        return new RunRecord(77, jobId, "working", 12L, List.of(), "x");
    }

    private static Map<Long, ConsoleAgent> agents(boolean alexOnline) {
        Instant seen = Instant.parse("2026-12-03T09:12:00Z");
        return Map.of(4L, new ConsoleAgent(4, "Linux_Remote", true, seen, null, List.of()),
                2L, new ConsoleAgent(2, "MacBook", alexOnline, seen, null, List.of()),
                3L, new ConsoleAgent(3, "Mini", true, seen, null, List.of()));
    }

    private static Map<Long, RunAgentRow> rows(boolean alexOnline) {
        return Map.of(4L, new RunAgentRow(4, "synced", "rw", 12L, 12L, List.of()),
                2L, new RunAgentRow(2, "synced", "srw", 12L, alexOnline ? 12L : 10L, List.of()),
                3L, new RunAgentRow(3, "synced", "srw", 12L, 12L, List.of()));
    }
}
