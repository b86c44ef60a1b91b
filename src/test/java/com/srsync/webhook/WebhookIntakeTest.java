package com.srsync.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.config.Secret;
import com.srsync.events.RecentEvents;
import com.srsync.observe.SyncMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {
    private static final String SECRET = "webhook-secret";
    private final SignatureVerifier signatures = new SignatureVerifier(Secret.of(SECRET), false);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final com.srsync.watch.WebhookAnswers answers = new com.srsync.watch.WebhookAnswers(java.time.Clock.systemUTC());
    private final WebhookIntake intake = new WebhookIntake(signatures, new DeliveryParser(new ObjectMapper()), new RecentEvents(100),
            new SyncMetrics(() -> registry), answers, events -> { }, new com.srsync.events.EventQueueBudget(1 << 20));

    private static byte[] delivery(String name) throws Exception {
        return Files.readAllBytes(Path.of("src/test/resources/webhooks", name));
    }

    private String signed(byte[] body) {
        return "sha1=" + signatures.sign(body);
    }

    private double counted(String result) {
        var counter = registry.find("srsync.webhook.deliveries").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_signed_batch_brings_its_events_and_answers_with_its_counts() throws Exception {
        byte[] body = delivery("batched-three.json");

        WebhookReceipt receipt = intake.receive(body, signed(body));

        assertEquals(3, receipt.events().size());
        org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(new org.apache.camel.impl.DefaultCamelContext());
        assertEquals(receipt.events(), intake.handOver(receipt, exchange));
        assertTrue(exchange.getMessage().getHeader("eventCost", Long.class) > 0, "their room in the queue's budget is reserved");
        assertEquals("{\"received\":3,\"repeats\":0}", intake.answer(receipt));
    }

    @Test
    void events_count_as_seen_only_once_handed_over() throws Exception {
        byte[] body = delivery("shot-status-active.json");

        intake.receive(body, signed(body));
        assertEquals(1, intake.receive(body, signed(body)).events().size(), "refused with 503 before: taken in full again");

        intake.handedOver(intake.receive(body, signed(body)));
        WebhookReceipt repeat = intake.receive(body, signed(body));

        assertNull(intake.handOver(repeat, new org.apache.camel.support.DefaultExchange(new org.apache.camel.impl.DefaultCamelContext())),
                "nothing to hand over");
        assertEquals("{\"received\":1,\"repeats\":1}", intake.answer(repeat));
        assertEquals(1, counted("accepted"));
        assertEquals(1, counted("repeat"));
    }

    @Test
    void an_unsigned_or_wrongly_signed_request_is_refused_and_counted() throws Exception {
        byte[] body = delivery("shot-status-active.json");

        assertThrows(UnsignedDeliveryException.class, () -> intake.receive(body, null));
        assertThrows(UnsignedDeliveryException.class, () -> intake.receive(body, signed("{}".getBytes(StandardCharsets.UTF_8))));

        assertEquals(2, counted("unauthorized"));
    }

    @Test
    void a_signed_body_that_is_not_a_delivery_is_refused_and_counted() {
        byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

        assertThrows(NotADeliveryException.class, () -> intake.receive(body, signed(body)));

        assertEquals(1, counted("malformed"));
    }
}
