package com.srsync.routes;

import static com.srsync.routes.WebhookSupport.assignmentChange;
import static com.srsync.routes.WebhookSupport.post;
import static com.srsync.routes.WebhookSupport.sign;
import static com.srsync.routes.WebhookSupport.SECRET;
import static com.srsync.stubs.ShotGridSite.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.loop.ReconcileQueue;
import com.srsync.support.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * RECONCILE_CONCURRENCY projects at once, never one project twice at once, and a change ahead of a
 * full pass - against a ShotGrid that takes 150 ms per search.
 */
class ParallelReconcileTest extends ServiceTestSupport {
    private static final Pattern DONE = Pattern.compile("Sync complete - project (\\d+)");

    @Override
    void moreProperties(Properties p) {
        p.put("reconcile.concurrency", "2");
        p.put("sync.debounce.ms", "100");
    }

    private void studio(int projects) {
        for (int i = 1; i <= projects; i++) {
            long project = 3000 + i, shot = 30_000 + i;
            site.project(project, "P" + i).shot(shot, project, "P" + i + "_010_0010", "active", "P" + i + "_010")
                    .task(shot * 10, shot, user(7, "Alex Trial"));
        }
        site.latency(150).install();                                 // a studio's round trip to the cloud
        console.install();
    }

    private ReconcileQueue queue() {
        return context.getRegistry().lookupByNameAndType("reconcileQueue", ReconcileQueue.class);
    }

    @Test
    void a_change_goes_ahead_of_a_full_pass_and_at_most_the_configured_number_run_at_once() throws Exception {
        studio(16);
        AtomicInteger most = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                most.accumulateAndGet(queue().running(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        List<Long> done;
        try (LogCapture log = LogCapture.open()) {
            template.sendBody("seda:reconcile-requests", "all");        // the safety net's full pass
            await().atMost(Duration.ofSeconds(10)).until(() -> queue().running() >= 1);
            byte[] change = assignmentChange(3016, 990_001);             // the project the pass would reach last
            assertEquals(200, post(httpPort, "/webhooks/shotgrid", change, sign(change, SECRET)).statusCode());
            await().atMost(Duration.ofSeconds(30)).until(() -> runs().ended() >= 16);
            done = log.lines().stream().map(DONE::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
        }
        watcher.interrupt();

        // the change waits for a free worker (the pass's first projects run, each about 200 ms), not for the pass
        assertTrue(done.indexOf(3016L) >= 0 && done.indexOf(3016L) <= 8, "project 3016 finished at position " + done.indexOf(3016L) + " of " + done);
        assertEquals(2, most.get(), "most reconciles at once");
    }

    @Test
    void triggers_during_a_run_lead_to_exactly_one_more_run() throws Exception {
        studio(1);
        template.sendBody("seda:reconcile-requests", 3001L);
        await().atMost(Duration.ofSeconds(10)).until(() -> queue().running() == 1);
        for (int i = 0; i < 5; i++) template.sendBodyAndHeader("seda:reconcile-requests", 3001L, "reconcileUrgent", "true");
        await().atMost(Duration.ofSeconds(20)).until(() -> runs().ended() >= 2);
        Thread.sleep(1500);
        assertEquals(2, runs().ended());
        assertEquals(0, queue().running());
        assertEquals(0, queue().waiting());
    }

    @Test
    void the_reads_of_every_worker_have_threads_of_their_own() {
        // reconcile.concurrency is 2 here: 4 searches each
        assertEquals(8, context.getExecutorServiceManager().getThreadPoolProfile("parallelReads").getMaxPoolSize());
        List<String> readers = context.getCamelContextExtension().getContextPlugin(org.apache.camel.model.ModelCamelContext.class)
                .getRouteDefinitions().stream()
                .filter(r -> org.apache.camel.model.ProcessorDefinitionHelper.filterTypeInOutputs(r.getOutputs(), org.apache.camel.model.MulticastDefinition.class)
                        .stream().anyMatch(m -> "parallelReads".equals(m.getExecutorService())))
                .map(org.apache.camel.model.RouteDefinition::getRouteId).sorted().toList();
        assertEquals(List.of("plan-project", "reconcile-targets", "shotgrid-snapshot"), readers);
    }
}
