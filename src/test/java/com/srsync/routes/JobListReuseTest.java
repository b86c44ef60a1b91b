package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.srsync.stubs.ResilioConsole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's job list is read once for a pass that changes nothing, and anew after any write of
 * ours (routes/resilio.yaml, direct:resilio-jobs-recent).
 */
class JobListReuseTest extends ServiceTestSupport {
    private void twoProjects() {
        site.project(155, "TST").project(156, "TSB")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial"))
                .shot(2213, 156, "TSB_010_0010", "active", "TSB_010").task(6001, 2213, user(8, "Matthew Testuser"))
                .install();
        console.install();
    }

    private int listReads() {
        return resilioServer.findAll(getRequestedFor(urlEqualTo("/api/v2/jobs"))).size();
    }

    /** A console that already holds what the last reconcile created. */
    private void consoleWithWhatWasCreated() {
        List<LoggedRequest> created = console.writes();
        resilioServer.resetAll();
        console = new ResilioConsole(resilioServer);
        long id = 3000;
        for (LoggedRequest post : created) console.job(id++, post.getBodyAsString());
        console.install();
    }

    @Test
    void a_full_pass_that_changes_nothing_reads_the_console_list_once() {
        twoProjects();
        long before = runs().ended();
        template.sendBody("seda:reconcile-requests", "all");
        awaitReconciles(before + 2);
        consoleWithWhatWasCreated();

        before = runs().ended();
        template.sendBody("seda:reconcile-requests", "all");
        awaitReconciles(before + 2);

        assertEquals(List.of(), console.writes());
        assertEquals(1, listReads(), "the pass's targets read it; both projects planned from that read");
    }

    @Test
    void after_a_write_of_ours_the_next_plan_reads_the_list_anew() {
        twoProjects();
        reconcile(155L);                                        // creates the shot's and the assets' jobs
        int reads = listReads();
        reconcile(155L);                                        // at once: well within RESILIO_JOBS_REUSE_MS

        assertEquals(reads + 1, listReads(), "a list read before the creates would not hold them: planned from it, they would be made twice");
    }
}
