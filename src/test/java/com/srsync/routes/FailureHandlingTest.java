package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The failure rules of the README against WireMock faults: retried, dead-lettered, replayed, never lost. */
class FailureHandlingTest extends ServiceTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SHOT_JOB = "HybridWork_TST_TST_010_0010";

    @Override
    void moreProperties(Properties p) {
        p.put("http.read.timeout.ms", "1000");
    }

    private void oneActiveShot() {
        site.project(155, "TST").project(156, "OTH").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).install();
    }

    private static MappingBuilder createOf(String name) {
        return post("/api/v2/jobs").withRequestBody(matchingJsonPath("$.name", equalTo(name)));
    }

    private List<LoggedRequest> creates(String name) {
        return resilioServer.findAll(postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath("$.name", equalTo(name))));
    }

    private JsonNode deadLetters() throws Exception {
        return MAPPER.readTree(admin("GET", "/admin/dead-letters", ADMIN_TOKEN).body());
    }

    @Test
    void a_console_answering_503_three_times_then_200_converges_without_a_dead_letter() throws Exception {
        oneActiveShot();
        console.install();
        for (int i = 0; i < 3; i++) {
            resilioServer.stubFor(createOf(SHOT_JOB).inScenario("restart").whenScenarioStateIs(i == 0 ? "Started" : "down" + i)
                    .willReturn(aResponse().withStatus(503)).willSetStateTo("down" + (i + 1)));
        }
        resilioServer.stubFor(createOf(SHOT_JOB).inScenario("restart").whenScenarioStateIs("down3").willReturn(okJson("{\"id\": 3001}")));

        reconcile(155L);

        assertEquals(4, creates(SHOT_JOB).size());
        assertEquals(1, creates("HybridWork_TST_Assets").size());
        assertEquals(MAPPER.readTree("[]"), deadLetters());
    }

    @Test
    void a_console_answering_503_for_good_is_dead_lettered_after_retry_max_redeliveries() throws Exception {
        oneActiveShot();
        console.job(1001, OldToolScenariosTest.SHOT_0010_ALEX.replace("Alex Trial\"", "Someone Else\"")).install();
        resilioServer.stubFor(put("/api/v2/jobs/1001").willReturn(aResponse().withStatus(503)));

        reconcile(155L);                                                                  // ends: the retries are bounded

        resilioServer.verify(6, putRequestedFor(urlEqualTo("/api/v2/jobs/1001")));      // the first try and RETRY_MAX_REDELIVERIES (5)
        assertEquals(503, deadLetters().get(0).path("status").asInt());
        assertEquals(6, deadLetters().get(0).path("attempts").asInt(), "the letter counts every try");
        String retries = java.util.Arrays.stream(admin("GET", "/observe/metrics", ADMIN_TOKEN).body().split("\n"))
                .filter(l -> l.startsWith("srsync_write_retries_total")).findFirst().orElse("");
        assertEquals(5.0, Double.parseDouble(retries.substring(retries.lastIndexOf(' ') + 1)), retries);   // each retry counted
    }

    @Test
    void each_failed_try_is_logged_once_in_words_with_its_true_count() throws Exception {
        oneActiveShot();
        console.job(1001, OldToolScenariosTest.SHOT_0010_ALEX.replace("Alex Trial\"", "Someone Else\"")).install();
        resilioServer.stubFor(put("/api/v2/jobs/1001").willReturn(aResponse().withStatus(503)));

        try (com.srsync.support.LogCapture log = com.srsync.support.LogCapture.open()) {
            reconcile(155L);

            List<String> tries = log.containing("update " + SHOT_JOB + " (Resilio PUT /jobs/1001) failed (answered 503)");
            assertEquals(6, tries.size(), String.join("\n", tries));
            for (int i = 1; i <= 5; i++) assertTrue(tries.get(i - 1).contains("try " + i + " of 6; trying again in"), tries.get(i - 1));
            assertTrue(tries.get(5).contains("try 6 of 6; no tries left"), tries.get(5));
            assertEquals(List.of(), log.containing("On delivery attempt"), "Camel's own retry warning is not logged");
            assertEquals(1, log.containing("tried 6 times since").size(), log.printed());
        }
    }

    @Test
    void a_write_the_console_defers_is_planned_again_from_fresh_reads_never_sent_as_planned() throws Exception {
        oneActiveShot();
        console.install();
        resilioServer.stubFor(createOf(SHOT_JOB).inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("free"));
        resilioServer.stubFor(createOf(SHOT_JOB).inScenario("busy").whenScenarioStateIs("free").willReturn(okJson("{\"id\": 3001}")));

        long before = runs().ended();
        reconcile(155L);                                   // ends at once: the shot's create is deferred, not parked
        assertEquals(1, creates(SHOT_JOB).size());
        site.task(5001, 1213, user(8, "Matthew Testuser")).install();   // Alex is unassigned while the console makes us wait

        awaitReconciles(before + 2);                      // planned again when the console's wait is over
        List<LoggedRequest> attempts = creates(SHOT_JOB);
        assertEquals(2, attempts.size());
        long waited = attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 3000, "sent again after " + waited + " ms, before the console's Retry-After");
        JsonNode sent = MAPPER.readTree(attempts.get(1).getBodyAsString());
        assertTrue(sent.toString().contains("\"id\":3"), "Matthew's machine (agent 3) gets the shot: " + sent);
        assertTrue(!sent.toString().contains("\"id\":2"), "Alex's machine (agent 2), unassigned before the write was sent, is not in it: " + sent);
        assertEquals(MAPPER.readTree("[]"), deadLetters());
    }

    @Test
    void one_deferred_write_holds_up_none_of_the_runs_other_writes() {
        oneActiveShot();
        console.install();
        resilioServer.stubFor(createOf(SHOT_JOB).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        long started = System.currentTimeMillis();
        reconcile(155L);
        long took = System.currentTimeMillis() - started;

        List<LoggedRequest> shot = creates(SHOT_JOB), assets = creates("HybridWork_TST_Assets");
        assertEquals(1, shot.size(), "the deferred create is not tried again in this run");
        assertEquals(1, assets.size());
        assertTrue(took < 5000, "the run took " + took + " ms");
        assertTrue(assets.get(0).getLoggedDate().getTime() - shot.get(0).getLoggedDate().getTime() < 2000,
                "the assets job's create waited behind the shot job's");
    }

    @Test
    void a_write_failing_for_good_is_dead_lettered_the_others_succeed_and_replay_clears_it() throws Exception {
        oneActiveShot();
        console.job(1001, OldToolScenariosTest.SHOT_0010_ALEX.replace("Alex Trial\"", "Someone Else\"")).install();
        resilioServer.stubFor(put("/api/v2/jobs/1001").willReturn(aResponse().withStatus(500).withBody("{\"message\": \"internal error\"}")));

        reconcile(155L);

        resilioServer.verify(1, putRequestedFor(urlEqualTo("/api/v2/jobs/1001")));      // 500 is not retried
        assertEquals(1, creates("HybridWork_TST_Assets").size());                        // the other write went on
        JsonNode letters = deadLetters();
        assertEquals(1, letters.size());
        JsonNode letter = letters.get(0);
        assertEquals(155, letter.path("project").asLong());
        assertEquals("update", letter.path("action").asText());
        assertEquals(1001, letter.path("jobId").asLong());
        assertEquals(SHOT_JOB, letter.path("jobName").asText());
        assertEquals(500, letter.path("status").asInt());
        assertEquals("Resilio PUT /jobs/1001 answered 500: {\"message\": \"internal error\"}", letter.path("error").asText());
        assertEquals(1, letter.path("attempts").asInt());
        assertTrue(!letters.toString().contains(com.srsync.stubs.ResilioConsole.TOKEN));

        resilioServer.stubFor(put("/api/v2/jobs/1001").willReturn(okJson("{}")));      // the console recovers
        long before = runs().ended();
        var replay = admin("POST", "/admin/dead-letters/replay", ADMIN_TOKEN);
        assertEquals(202, replay.statusCode());
        assertEquals("{\"replaying\":[155]}", replay.body());
        awaitReconciles(before + 1);

        resilioServer.verify(2, putRequestedFor(urlEqualTo("/api/v2/jobs/1001")));
        assertEquals(MAPPER.readTree("[]"), deadLetters());
    }

    @Test
    void a_dead_letter_folder_that_cannot_be_written_still_ends_the_run_and_health_names_the_folder() throws Exception {
        oneActiveShot();
        console.job(1001, OldToolScenariosTest.SHOT_0010_ALEX.replace("Alex Trial\"", "Someone Else\"")).install();
        resilioServer.stubFor(put("/api/v2/jobs/1001").willReturn(aResponse().withStatus(500).withBody("{\"message\": \"internal error\"}")));
        java.nio.file.Path folder = dataDir().resolve("dead-letters");
        try (var files = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path f : files.toList()) java.nio.file.Files.delete(f);
        }
        java.nio.file.Files.delete(folder);
        java.nio.file.Files.writeString(folder, "not a folder: writes into it fail, even for root");   // as a full or read-only disk would

        try (com.srsync.support.LogCapture log = com.srsync.support.LogCapture.open()) {
            reconcile(155L);                                                                 // the run ends all the same
            assertEquals(1, log.containing("DATA_DIR: " + folder + " cannot be written").size(), log.lines().toString());
        }
        assertEquals("failed_writes", MAPPER.readTree(admin("GET", "/admin/runs?project=155", ADMIN_TOKEN).body()).get(0).path("outcome").asText());
        assertEquals(1, deadLetters().size(), "kept in memory: listed, counted, replayed");
        String health = admin("GET", "/observe/health", ADMIN_TOKEN).body();
        assertTrue(health.contains("{\"name\":\"data-dir\",\"status\":\"DOWN\",\"message\":\"" + folder + " cannot be written"), health);
        String metrics = admin("GET", "/observe/metrics", ADMIN_TOKEN).body();
        assertTrue(metrics.contains("srsync_reconcile_total{outcome=\"failed_writes\"} 1.0"), metrics);

        java.nio.file.Files.delete(folder);
        java.nio.file.Files.createDirectory(folder);                                        // space again
        reconcile(155L);                                                                     // fails again: its letter is written now
        assertTrue(admin("GET", "/observe/health", ADMIN_TOKEN).body().contains("{\"name\":\"data-dir\",\"status\":\"UP\"}"));
    }

    @Test
    void a_429_with_retry_after_2_waits_at_least_2_seconds_before_the_next_attempt() {
        oneActiveShot();
        console.install();
        resilioServer.stubFor(createOf(SHOT_JOB).inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("free"));
        resilioServer.stubFor(createOf(SHOT_JOB).inScenario("busy").whenScenarioStateIs("free").willReturn(okJson("{\"id\": 3001}")));

        reconcile(155L);

        List<LoggedRequest> attempts = creates(SHOT_JOB);
        assertEquals(2, attempts.size());
        long waited = attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 2000, "waited " + waited + " ms");
    }

    @Test
    void a_create_that_timed_out_but_succeeded_makes_exactly_one_job() throws Exception {
        oneActiveShot();
        console.install();
        String created = OldToolScenariosTest.SHOT_0010_ALEX.replaceFirst("\\{", "{\"id\": 3001, ");
        resilioServer.stubFor(createOf(SHOT_JOB).inScenario("slow").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"id\": 3001}").withFixedDelay(2500)).willSetStateTo("created"));
        resilioServer.stubFor(get("/api/v2/jobs").inScenario("slow").whenScenarioStateIs("created").willReturn(okJson("[" + created + "]")));

        reconcile(155L);

        assertEquals(1, creates(SHOT_JOB).size());
        assertEquals(MAPPER.readTree("[]"), deadLetters());
    }

    @Test
    void a_shotgrid_token_refused_mid_reconcile_is_renewed_and_the_reconcile_completes() {
        oneActiveShot();
        console.install();
        shotgridServer.stubFor(post("/api/v1/entity/tasks/_search").inScenario("expiry").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(401).withBody("{\"errors\": [{\"status\": 401, \"title\": \"token expired\"}]}"))
                .willSetStateTo("renewed"));

        reconcile(155L);

        shotgridServer.verify(2, postRequestedFor(urlEqualTo("/api/v1/auth/access_token")));
        resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs")));
    }

    @Test
    void a_revoked_console_token_writes_nothing_and_readiness_names_the_token() throws Exception {
        oneActiveShot();
        resilioServer.stubFor(any(urlMatching("/api/v2/.*")).willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Authorization required\"}")));

        reconcile(155L);

        resilioServer.verify(0, postRequestedFor(anyUrl()));
        var health = admin("GET", "/observe/health", ADMIN_TOKEN);
        assertEquals(503, health.statusCode());
        assertTrue(health.body().contains("token refused (401): check RESILIO_TOKEN"), health.body());
        assertTrue(!health.body().contains(com.srsync.stubs.ResilioConsole.TOKEN));
    }

    @Test
    void a_failure_in_one_projects_reconcile_never_stops_the_others() {
        oneActiveShot();
        site.shot(2001, 156, "OTH_010_0010", "active", "OTH_010").task(6001, 2001, user(8, "Matthew Testuser")).install();
        console.install();
        shotgridServer.stubFor(post("/api/v1/entity/shots/_search").withRequestBody(matchingJsonPath("$.filters[0][2].id", equalTo("155")))
                .willReturn(aResponse().withStatus(500)));

        long before = runs().ended();
        template.sendBody("seda:reconcile-requests", "all");
        awaitReconciles(before + 2);

        assertEquals(0, creates(SHOT_JOB).size());
        assertEquals(1, creates("HybridWork_OTH_OTH_010_0010").size());
        assertEquals(1, creates("HybridWork_OTH_Assets").size());
    }
}
