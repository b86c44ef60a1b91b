package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.setup.CheckLine;
import com.srsync.setup.CheckReport;
import com.srsync.setup.CheckStatus;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code check} (and {@code GET /admin/check}) through its routes, against ShotGrid and the console on WireMock with
 * their real answer shapes: each check passing, and failing as a studio gets it wrong.
 */
class SetupCheckTest extends ServiceTestSupport {
    static final String AGENTS = """
        [{"id": 4, "name": "Linux_Remote", "online": true, "last_seen": 1765100000, "status": "online", "os": "linux", "errors": []},
         {"id": 3, "name": "Cameron's Mac mini", "online": true, "last_seen": 1765100000, "status": "online", "os": "mac", "errors": []},
         {"id": 2, "name": "Cameron's MacBook Pro", "online": false, "last_seen": 1765000000, "status": "offline", "os": "mac", "errors": []}]""";

    @Override
    void moreProperties(Properties p) {
        p.put("public.url", "https://sync.studio.example");
        p.put("shotgrid.delivery.field", "sg_resilio_delivery");
    }

    private void studio() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial"))
                .userDetails(7, "Alex Trial", "atrial", "alex@studio.example").groupOf(3, "Comp", user(7, "Alex Trial"));
    }

    private void console(String agents) {
        console.install();
        resilioServer.stubFor(get("/api/v2/agents").willReturn(okJson(agents)));
    }

    private void deliveryField(String type) {
        shotgridServer.stubFor(get("/api/v1/schema/Shot/fields/sg_resilio_delivery").willReturn(okJson(
                "{\"data\": {\"data_type\": {\"value\": \"" + type + "\", \"editable\": false}, \"editable\": {\"value\": true, \"editable\": false}}}")));
    }

    /** The site's hooks: one for each required entity pointing at PUBLIC_URL, the Task one sending these update fields. */
    private void hooks(String taskFields) {
        shotgridServer.stubFor(get("/api/v1/webhook/hooks").willReturn(okJson("""
            {"data": [
              {"type": "webhook", "id": "a1", "attributes": {"url": "https://sync.studio.example/webhooks/shotgrid", "status": "active",
                "entity_types": {"Shot": {"create": [], "update": ["sg_status_list", "code", "sg_sequence", "project"], "delete": [], "revive": []}},
                "batch_deliveries": true, "is_token_set": true}},
              {"type": "webhook", "id": "b2", "attributes": {"url": "https://sync.studio.example/webhooks/shotgrid", "status": "active",
                "entity_types": {"Task": {"revive": [], "delete": [], "create": [], "update": %s}},
                "batch_deliveries": true, "is_token_set": true}}]}""".formatted(taskFields))));
    }

    /** A studio that did everything right: one active shot, every agent listed, the field text, the hooks complete. */
    private void setUpRight() {
        studio();
        site.install();
        console(AGENTS);
        deliveryField("text");
        hooks("[\"task_assignees\", \"entity\", \"project\"]");
    }

    private CheckReport check() throws Exception {
        org.apache.camel.Exchange done = template.send("direct:check", e -> { });
        if (done.getException() != null) throw done.getException();
        return done.getMessage().getBody(CheckReport.class);
    }

    private static CheckLine line(CheckReport report, String area, String name) {
        return report.lines().stream().filter(l -> l.area().equals(area) && l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + area + " " + name + " in\n" + report.text()));
    }

    private static List<CheckLine> failures(CheckReport report) {
        return report.lines().stream().filter(l -> !l.fine()).toList();
    }

    @Test
    void a_studio_set_up_right_passes_every_required_check_and_says_what_it_found() throws Exception {
        setUpRight();

        CheckReport report = check();

        assertEquals(List.of(), failures(report), report.text());
        assertEquals(0, report.exitStatus());
        assertEquals("reads code, sg_status_list, sg_sequence, project", line(report, "shotgrid", "shots").message());
        assertTrue(line(report, "artists", "Alex Trial").message().startsWith("agent 2 'Cameron's MacBook Pro' (mac), offline, last online "),
                report.text());
        assertTrue(line(report, "paths", "TST (project 155)").message().startsWith("shot TST_010_0010 -> studio storage "
                + "/home/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010, /Volumes/Company/TST/2_WORK/1_SEQUENCES/TST_010/TST_010_0010 "
                + "(Matthew Testuser, Alex Trial)"), report.text());
        assertEquals(CheckStatus.PASSED, line(report, "webhooks", "Task").status());
        assertEquals(CheckStatus.PASSED, line(report, "shotgrid", "delivery field").status());
    }

    @Test
    void a_field_the_permission_set_hides_and_an_entity_it_refuses_are_named() throws Exception {
        studio();
        site.hideField("Shot", "sg_sequence").failPage("groups", 1, 403).install();
        console(AGENTS);
        deliveryField("text");
        hooks("[]");

        CheckReport report = check();

        CheckLine shots = line(report, "shotgrid", "shots");
        assertEquals(CheckStatus.FAILED, shots.status());
        assertEquals("the script cannot read sg_sequence of shots", shots.message());
        assertEquals("give the script's permission set read access to shots.sg_sequence", shots.todo());
        assertTrue(line(report, "shotgrid", "groups").message().startsWith("the script may not read groups (answered 403"), report.text());
        assertEquals(1, report.exitStatus());
    }

    @Test
    void an_agent_id_the_console_lacks_fails_its_artist_and_an_offline_storage_fails_the_storage() throws Exception {
        studio();
        site.install();
        console(AGENTS.replace("\"id\": 2,", "\"id\": 22,").replace("\"id\": 4, \"name\": \"Linux_Remote\", \"online\": true",
                "\"id\": 4, \"name\": \"Linux_Remote\", \"online\": false"));
        deliveryField("text");
        hooks("[]");

        CheckReport report = check();

        assertEquals("agent 2 is not on the console", line(report, "artists", "Alex Trial").message());
        assertEquals(CheckStatus.FAILED, line(report, "artists", "studio storage").status());
        assertTrue(line(report, "artists", "studio storage").todo().startsWith("start the Resilio agent on the studio storage"));
    }

    @Test
    void a_refused_token_is_one_line_naming_resilio_token() throws Exception {
        studio();
        site.install();
        resilioServer.stubFor(any(urlMatching("/api/v2/.*")).willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Authorization required\"}")));
        deliveryField("text");
        hooks("[]");

        CheckReport report = check();

        List<CheckLine> failed = failures(report);
        assertEquals(1, failed.size(), report.text());
        assertTrue(failed.get(0).message().contains("refused RESILIO_TOKEN (401)"), failed.get(0).message());
        assertEquals(1, report.exitStatus());
    }

    @Test
    void a_refused_shotgrid_login_says_which_settings_and_reads_nothing_more() throws Exception {
        shotgridServer.stubFor(post("/api/v1/auth/access_token").willReturn(aResponse().withStatus(400)
                .withBody("{\"errors\": [{\"status\": 400, \"title\": \"Can't authenticate script 'resilio_sync'\"}]}")));
        console(AGENTS);

        CheckReport report = check();

        CheckLine login = line(report, "shotgrid", "login");
        assertEquals(CheckStatus.FAILED, login.status());
        assertTrue(login.todo().contains("SHOTGRID_SCRIPT_NAME and SHOTGRID_API_KEY"), login.todo());
        assertTrue(report.lines().stream().noneMatch(l -> l.name().equals("shots")), "no read without a login:\n" + report.text());
    }

    @Test
    void a_task_webhook_without_task_assignees_fails_with_what_it_costs() throws Exception {
        studio();
        site.install();
        console(AGENTS);
        deliveryField("number");
        hooks("[\"entity\", \"project\"]");

        CheckReport report = check();

        CheckLine task = line(report, "webhooks", "Task");
        assertEquals(CheckStatus.FAILED, task.status());
        assertEquals("the Task webhook does not send task_assignees: assignment changes wait for the safety net (SAFETY_NET_INTERVAL_MS)", task.message());
        assertTrue(line(report, "shotgrid", "delivery field").message().contains("is a field of type 'number', not text"), report.text());
    }

    @Test
    void a_skewed_clock_is_a_warning_that_does_not_fail_the_check() throws Exception {
        setUpRight();
        String fiveMinutesAhead = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(5));
        shotgridServer.stubFor(get("/api/v1").willReturn(aResponse().withStatus(200).withHeader("Date", fiveMinutesAhead).withBody("{}")));

        CheckReport report = check();

        CheckLine clock = line(report, "clocks", "ShotGrid");
        assertEquals(CheckStatus.FAILED, clock.status());
        assertTrue(clock.message().matches("ShotGrid's clock is (29\\d|30\\d) s ahead of ours"), clock.message());
        assertEquals(false, clock.required());
        assertEquals(0, report.exitStatus(), report.text());
    }

    @Test
    void a_shot_whose_code_cannot_be_a_folder_is_shown_as_skipped_with_why() throws Exception {
        site.project(155, "TST").shot(1212, 155, "TST:010", "active", "TST_010").task(5001, 1212, user(7, "Alex Trial")).install();
        console(AGENTS);
        deliveryField("text");
        hooks("[\"task_assignees\", \"entity\", \"project\"]");

        CheckLine paths = line(check(), "paths", "TST (project 155)");

        assertEquals(CheckStatus.FAILED, paths.status());
        assertEquals(false, paths.required(), "a warning: the service works, that shot gets no job");
        assertTrue(paths.message().startsWith("shot TST:010 would be skipped: shot code 'TST:010' holds ':', which Windows forbids in folder names"), paths.message());
    }

    @Test
    void get_admin_check_answers_the_same_as_json() throws Exception {
        setUpRight();

        var answer = admin("GET", "/admin/check", ADMIN_TOKEN);

        assertEquals(200, answer.statusCode());
        JsonNode json = new ObjectMapper().readTree(answer.body());
        assertEquals(true, json.path("passed").asBoolean(), answer.body());
        assertTrue(answer.body().contains("\"area\":\"console\",\"name\":\"token\",\"status\":\"passed\""), answer.body());
        assertEquals(401, admin("GET", "/admin/check", null).statusCode());
    }
}
