package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.setup.CheckLine;
import com.srsync.setup.CheckReport;
import com.srsync.setup.CheckStatus;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code check} with EVENTLOG_POLL_ENABLED: the script must read the event log; refused, it says what to grant. */
class SetupCheckEventLogTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.put("eventlog.poll.enabled", "true");
    }

    private CheckLine eventLog() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();
        resilioServer.stubFor(get("/api/v2/agents").willReturn(okJson(SetupCheckTest.AGENTS)));
        CheckReport report = template.send("direct:check", e -> { }).getMessage().getBody(CheckReport.class);
        return report.lines().stream().filter(l -> l.name().equals("event log")).findFirst().orElseThrow();
    }

    @Test
    void a_readable_event_log_passes() {
        assertEquals(CheckStatus.PASSED, eventLog().status());
    }

    @Test
    void a_refused_event_log_fails_with_what_to_grant() {
        site.failPage("event_log_entries", 1, 403);
        CheckLine line = eventLog();
        assertEquals(CheckStatus.FAILED, line.status());
        assertTrue(line.message().startsWith("reading the event log answered 403"), line.message());
        assertTrue(line.todo().contains("read access to EventLogEntry"), line.todo());
    }
}
