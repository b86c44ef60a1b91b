package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.srsync.cluster.Leadership;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.junit.jupiter.api.Test;

/**
 * A write to ShotGrid (the delivery summary on a Shot) is checked against the lead right before the call,
 * not only where it was scheduled: a summary in hand when this replica stops leading is not sent.
 */
class ShotGridWriteFenceTest extends ServiceTestSupport {
    private java.nio.file.Path electionDir;

    @Override
    void moreProperties(Properties p) {
        p.put("delivery.poll.interval.ms", "1000");
        p.put("shotgrid.delivery.field", "sg_resilio_delivery");
        p.put("leader.election", "file");
        try {
            electionDir = Files.createTempDirectory("srsync-election-");
            p.put("leader.election.dir", electionDir.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_summary_in_hand_when_the_lead_is_lost_is_not_written() throws Exception {
        Leadership leadership = context.getRegistry().lookupByNameAndType("leadership", Leadership.class);
        await().atMost(Duration.ofSeconds(20)).until(leadership::isLeader);
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        console.job(1001, OldToolScenariosTest.SHOT_0010_ALEX).job(1002, OldToolScenariosTest.ASSETS_ALEX).install();
        DeliveryPollTest.agentsAndRuns();
        DeliveryFieldTest.fieldIsText();
        shotgridServer.stubFor(put(urlPathEqualTo("/api/v1/entity/shots/1213")).willReturn(aResponse().withStatus(503)));   // not taken yet
        reconcile(155L);
        await().atMost(Duration.ofSeconds(15)).until(() -> shotgridServer.findAll(putRequestedFor(urlPathMatching("/api/v1/entity/shots/.*"))).size() >= 1);
        shotgridServer.resetRequests();

        try (var files = Files.list(electionDir)) {                   // the lock moves, as when a shared volume loses its locks
            for (var f : files.toList()) Files.delete(f);
        }
        org.apache.camel.impl.DefaultCamelContext other = new org.apache.camel.impl.DefaultCamelContext();
        FileLockClusterService rival = new FileLockClusterService();
        rival.setId("replica-b");
        rival.setRoot(electionDir.toString());
        rival.setAcquireLockDelay(1, TimeUnit.SECONDS);
        rival.setAcquireLockInterval(1, TimeUnit.SECONDS);
        other.addService(rival);
        other.start();
        try {
            rival.getView(Leadership.NAMESPACE);
            await().atMost(Duration.ofSeconds(20)).until(() -> !leadership.isLeader());
            var sent = template.send("direct:shotgrid-call", exchange -> {   // the summary still due, in hand, as the write-back sends it
                exchange.setVariable("shotgridMethod", "PUT");
                exchange.setVariable("shotgridPath", "/entity/shots/1213");
                exchange.getMessage().setBody("{\"sg_resilio_delivery\":\"0/1 ready\"}");
            });

            assertEquals(com.srsync.cluster.LeadershipLostException.class, sent.getException().getClass());
            assertEquals(0, shotgridServer.findAll(putRequestedFor(anyUrl())).size());
        } finally {
            other.stop();
        }
    }
}
