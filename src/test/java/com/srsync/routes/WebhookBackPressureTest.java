package com.srsync.routes;

import static com.srsync.routes.WebhookSupport.assignmentChange;
import static com.srsync.routes.WebhookSupport.post;
import static com.srsync.routes.WebhookSupport.sign;
import static com.srsync.routes.WebhookSupport.SECRET;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.events.EventQueueBudget;
import com.srsync.events.ShotGridEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

/**
 * While the event stream is stalled, deliveries fill the event queue's memory budget. Past it nothing
 * is turned away: every valid delivery is answered 200 and reduced to the projects it names, which are
 * reconciled through the debounce as usual; its events are not published for extensions, and counted.
 */
class WebhookBackPressureTest extends ServiceTestSupport {
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final List<Long> published = new CopyOnWriteArrayList<>();

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    void moreProperties(Properties p) {
        p.put("event.queue.max.bytes", "65536");
        p.put("sync.debounce.ms", "100");
    }

    private HttpResponse<String> deliver(long project, long eventId) {
        byte[] body = assignmentChange(project, eventId);
        return post(httpPort, "/webhooks/shotgrid", body, sign(body, SECRET));
    }

    private double dropped() throws Exception {
        for (String line : admin("GET", "/observe/metrics", ADMIN_TOKEN).body().split("\n")) {
            if (line.startsWith("srsync_events_dropped_total{") && line.contains("memory_budget")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Test
    void past_the_memory_budget_every_delivery_is_answered_200_and_its_project_is_reconciled() throws Exception {
        AdviceWith.adviceWith(context, "publish-events", a -> a.weaveAddFirst().process(e -> {
            stalled.await();
            for (Object event : e.getMessage().getBody(List.class)) published.add(((ShotGridEvent) event).eventLogEntryId());
        }));
        site.project(155, "TST").project(156, "OTH").install();
        console.install();
        context.start();
        EventQueueBudget budget = context.getRegistry().lookupByNameAndType("eventQueueBudget", EventQueueBudget.class);

        long id = 700_000;
        while (budget.usedBytes() < budget.limitBytes() - 4096 && id < 702_000) {
            assertEquals(200, deliver(155, id++).statusCode());
        }
        for (int i = 0; i < 200; i++) {                                // well past the budget
            HttpResponse<String> answer = deliver(155, id++);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("{\"received\":1,\"repeats\":0}", answer.body());
        }
        HttpResponse<String> other = deliver(156, id++);               // a project no delivery before it named
        assertEquals(200, other.statusCode());
        assertTrue(budget.usedBytes() <= budget.limitBytes() + 4096, budget.usedBytes() + " of " + budget.limitBytes());
        assertTrue(dropped() >= 150, "dropped for extensions: " + dropped());   // all but the few that still fitted

        // the event stream is still stalled, yet the project is reconciled: its trigger went past the queue
        await().atMost(Duration.ofSeconds(10)).until(() -> admin("GET", "/admin/runs", ADMIN_TOKEN).body().contains("\"156\""));
        stalled.countDown();
    }
}
