package com.srsync.routes;

import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DryRunTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.put("dry.run", "true");
    }

    @Test
    void a_dry_run_plans_and_reports_but_never_writes() throws Exception {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.job(1005, OldToolScenariosTest.SHOT_0010_ALEX.replace("TST_010_0010", "TST_010_0020")).install();

        reconcile(155L);

        assertEquals(List.of(), console.writes());
        var plan = new ObjectMapper().readTree(admin("GET", "/admin/plan?project=155", ADMIN_TOKEN).body());
        assertTrue(plan.path("dry_run").asBoolean());
        assertEquals(2, plan.path("projects").get(0).path("create").size());
        assertEquals(1, plan.path("projects").get(0).path("delete").size());
    }
}
