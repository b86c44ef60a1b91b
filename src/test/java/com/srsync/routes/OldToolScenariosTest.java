package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The old tool's four scenarios, end to end through the routes, with the exact bodies sent to the
 * console. Project 155 "TST", shots of sequence TST_010, Alex Trial on agent 2, Matthew Testuser on
 * agent 3, primary storage agent 4 (config/artists.yaml).
 */
class OldToolScenariosTest extends ServiceTestSupport {
    static final String SHOT_0010_ALEX = """
        {"name": "HybridWork_TST_TST_010_0010", "type": "hybrid_work", "description": "Shot TST_010_0010 for: Alex Trial",
         "agents": [
          {"id": 4, "role": "primary_storage", "permission": "rw", "priority_agents": true,
           "path": {"linux": "/home/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010",
                    "win": "\\\\home\\\\Company\\\\TST\\\\2_WORK\\\\1_SEQUENCES\\\\TST_010\\\\TST_010_0010",
                    "osx": "/home/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010"}},
          {"id": 2, "role": "enduser", "permission": "srw", "file_policy_id": 1,
           "path": {"linux": "/Volumes/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010",
                    "win": "\\\\Volumes\\\\Company\\\\TST\\\\2_WORK\\\\1_SEQUENCES\\\\TST_010\\\\TST_010_0010",
                    "osx": "/Volumes/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010"}}]}""";
    static final String ASSETS_ALEX = """
        {"name": "HybridWork_TST_Assets", "type": "hybrid_work", "description": "Assets TST for: Alex Trial",
         "agents": [
          {"id": 4, "role": "primary_storage", "permission": "rw", "priority_agents": true,
           "path": {"linux": "/home/Company/TST/2_WORK/2_ASSETS", "win": "\\\\home\\\\Company\\\\TST\\\\2_WORK\\\\2_ASSETS",
                    "osx": "/home/Company/TST/2_WORK/2_ASSETS"}},
          {"id": 2, "role": "enduser", "permission": "srw", "file_policy_id": 1,
           "path": {"linux": "/Volumes/Company/TST/2_WORK/2_ASSETS", "win": "\\\\Volumes\\\\Company\\\\TST\\\\2_WORK\\\\2_ASSETS",
                    "osx": "/Volumes/Company/TST/2_WORK/2_ASSETS"}}]}""";
    static final String MATTHEW_ON_0010 = """
          {"id": 3, "role": "enduser", "permission": "srw", "file_policy_id": 1,
           "path": {"linux": "/Volumes/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010",
                    "win": "\\\\Volumes\\\\Company\\\\TST\\\\2_WORK\\\\1_SEQUENCES\\\\TST_010\\\\TST_010_0010",
                    "osx": "/Volumes/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010"}}""";
    static final String MATTHEW_ON_ASSETS = """
          {"id": 3, "role": "enduser", "permission": "srw", "file_policy_id": 1,
           "path": {"linux": "/Volumes/Company/TST/2_WORK/2_ASSETS", "win": "\\\\Volumes\\\\Company\\\\TST\\\\2_WORK\\\\2_ASSETS",
                    "osx": "/Volumes/Company/TST/2_WORK/2_ASSETS"}}""";

    @Test
    void a_shot_that_becomes_active_gets_its_job_and_the_assets_job() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();

        reconcile(155L);

        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(equalToJson(recorded(SHOT_0010_ALEX))));
        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(equalToJson(recorded(ASSETS_ALEX))));
        assertEquals(2, console.writes().size());
    }

    @Test
    void an_assigned_artist_is_added_to_the_shot_job_and_the_assets_job() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial"), user(8, "Matthew Testuser")).install();
        console.job(1001, recorded(SHOT_0010_ALEX)).job(1002, recorded(ASSETS_ALEX)).install();

        reconcile(155L);

        resilioServer.verify(1, putRequestedFor(urlEqualTo("/api/v2/jobs/1001")).withRequestBody(equalToJson(
                withAgent(SHOT_0010_ALEX, MATTHEW_ON_0010, "Shot TST_010_0010 for: Alex Trial, Matthew Testuser [ShotGrid project 155]", 1001L))));
        resilioServer.verify(1, putRequestedFor(urlEqualTo("/api/v2/jobs/1002")).withRequestBody(equalToJson(
                withAgent(ASSETS_ALEX, MATTHEW_ON_ASSETS, "Assets TST for: Alex Trial, Matthew Testuser [ShotGrid project 155]", 1002L))));
        assertEquals(2, console.writes().size());
    }

    @Test
    void the_old_tools_jobs_are_adopted_and_get_the_ownership_record_and_nothing_else() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.job(1001, SHOT_0010_ALEX).job(1002, ASSETS_ALEX).install();

        reconcile(155L);

        resilioServer.verify(1, putRequestedFor(urlEqualTo("/api/v2/jobs/1001")).withRequestBody(equalToJson(withId(recorded(SHOT_0010_ALEX), 1001))));
        resilioServer.verify(1, putRequestedFor(urlEqualTo("/api/v2/jobs/1002")).withRequestBody(equalToJson(withId(recorded(ASSETS_ALEX), 1002))));
        assertEquals(2, console.writes().size());
    }

    @Test
    void several_artists_on_several_tasks_get_one_job_per_shot() {
        site.project(155, "TST")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010").shot(1214, 155, "TST_010_0020", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).task(5002, 1213, user(8, "Matthew Testuser"))
                .task(5003, 1214, user(8, "Matthew Testuser")).install();
        console.install();

        reconcile(155L);

        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(equalToJson(
                withAgent(SHOT_0010_ALEX, MATTHEW_ON_0010, "Shot TST_010_0010 for: Alex Trial, Matthew Testuser [ShotGrid project 155]", null))));
        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(matchingJsonPath(
                "$[?(@.name == 'HybridWork_TST_TST_010_0020' && @.description == 'Shot TST_010_0020 for: Matthew Testuser [ShotGrid project 155]')]")));
        resilioServer.verify(1, postRequestedFor(urlEqualTo("/api/v2/jobs")).withRequestBody(equalToJson(
                withAgent(ASSETS_ALEX, MATTHEW_ON_ASSETS, "Assets TST for: Alex Trial, Matthew Testuser [ShotGrid project 155]", null))));
        assertEquals(3, console.writes().size());
    }

    @Test
    void an_artist_removed_leaves_the_jobs_and_the_last_artist_removed_deletes_them() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.job(1001, withAgent(SHOT_0010_ALEX, MATTHEW_ON_0010, "Shot TST_010_0010 for: Alex Trial, Matthew Testuser [ShotGrid project 155]", null))
                .job(1002, withAgent(ASSETS_ALEX, MATTHEW_ON_ASSETS, "Assets TST for: Alex Trial, Matthew Testuser [ShotGrid project 155]", null)).install();

        reconcile(155L);

        resilioServer.verify(1, putRequestedFor(urlEqualTo("/api/v2/jobs/1001")).withRequestBody(equalToJson(withId(recorded(SHOT_0010_ALEX), 1001))));
        resilioServer.verify(1, putRequestedFor(urlEqualTo("/api/v2/jobs/1002")).withRequestBody(equalToJson(withId(recorded(ASSETS_ALEX), 1002))));
        assertEquals(2, console.writes().size());

        shotgridServer.resetAll();
        resilioServer.resetAll();
        site = new com.srsync.stubs.ShotGridSite(shotgridServer);
        console = new com.srsync.stubs.ResilioConsole(resilioServer);
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213).install();
        console.job(1001, recorded(SHOT_0010_ALEX)).job(1002, recorded(ASSETS_ALEX)).install();

        reconcile(155L);

        resilioServer.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/jobs/1001")));
        resilioServer.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/jobs/1002")));
        assertEquals(2, console.writes().size());
    }

    /** The old tool's job as this service writes it: the same, with the ownership record of project 155 at the end of its description. */
    static String recorded(String job) {
        return recordedFor(job, 155);
    }

    /** A job body recorded as {@code project}'s. */
    static String recordedFor(String job, long project) {
        return job.replaceFirst("(\"description\": \"[^\"]*)\"", "$1 [ShotGrid project " + project + "]\"");
    }

    /** A job body with one more end-user agent and another description; with an id, as a PUT of it carries. */
    static String withAgent(String job, String agent, String description, Long id) {
        String json = job.substring(0, job.lastIndexOf("]")) + "," + agent + "]}";
        json = json.replaceFirst("\"description\": \"[^\"]*\"", "\"description\": \"" + description + "\"");
        return id == null ? json : withId(json, id);
    }

    /** The body of a PUT: the job as the console has it (its id and unknown keys), less its read-only keys. */
    static String withId(String job, long id) {
        return "{\"id\": " + id + ", " + job.trim().substring(1);
    }
}
