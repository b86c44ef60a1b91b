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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

/**
 * While the event stream is stalled, deliveries fill the event queue's memory budget and are then
 * answered 503 with Retry-After and a short JSON body; nothing of them counts as seen, so ShotGrid's
 * redelivery is taken in full once there is room.
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
    }

    private HttpResponse<String> deliver(long eventId) {
        byte[] body = assignmentChange(155, eventId);
        return post(httpPort, "/webhooks/shotgrid", body, sign(body, SECRET));
    }

    @Test
    void a_full_queue_answers_503_and_the_redelivery_is_taken_once_there_is_room() throws Exception {
        AdviceWith.adviceWith(context, "publish-events", a -> a.weaveAddFirst().process(e -> {
            stalled.await();
            for (Object event : e.getMessage().getBody(List.class)) published.add(((ShotGridEvent) event).eventLogEntryId());
        }));
        context.start();
        EventQueueBudget budget = context.getRegistry().lookupByNameAndType("eventQueueBudget", EventQueueBudget.class);

        List<Long> accepted = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (long id = 700_000; id < 701_000 && refused == null; id++) {
            HttpResponse<String> answer = deliver(id);
            if (answer.statusCode() == 200) accepted.add(id);
            else refused = answer;
        }
        assertTrue(refused != null, "the budget never filled");
        assertEquals(503, refused.statusCode());
        assertEquals("5", refused.headers().firstValue("Retry-After").orElse(""));
        assertEquals("{\"error\":\"busy, send again later\"}", refused.body());
        assertTrue(budget.usedBytes() <= budget.limitBytes() + 4096, budget.usedBytes() + " of " + budget.limitBytes());
        long refusedId = 700_000 + accepted.size();

        stalled.countDown();                                           // the stream moves again
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.usedBytes() == 0);
        HttpResponse<String> again = deliver(refusedId);               // ShotGrid's redelivery
        assertEquals(200, again.statusCode());
        assertEquals("{\"received\":1,\"repeats\":0}", again.body());
        await().atMost(Duration.ofSeconds(10)).until(() -> published.contains(refusedId));
        assertTrue(published.containsAll(accepted));
    }
}
