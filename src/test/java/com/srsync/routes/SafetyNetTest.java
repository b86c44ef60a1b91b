package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Changes that no webhook announced are repaired by the periodic all-projects reconcile. */
class SafetyNetTest extends ServiceTestSupport {
    @Override
    void moreProperties(Properties p) {
        p.put("safety.net.initial.delay.ms", "500");
        p.put("safety.net.interval.ms", "1500");
    }

    @Test
    void a_change_made_in_shotgrid_with_no_webhook_is_repaired_by_the_safety_net() {
        site.project(155, "TST").project(156, "OTH")
                .shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.job(1101, OldToolScenariosTest.ASSETS_ALEX.replace("HybridWork_TST_", "HybridWork_OTH_")).install();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs")));      // project with an active shot
            resilioServer.verify(1, deleteRequestedFor(urlEqualTo("/api/v2/jobs/1101"))); // project owning a managed job
        });
    }
}
