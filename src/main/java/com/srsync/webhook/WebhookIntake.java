package com.srsync.webhook;

import com.srsync.events.RecentEvents;
import com.srsync.events.ShotGridEvent;
import com.srsync.observe.SyncMetrics;
import com.srsync.watch.WebhookAnswers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one webhook request: signature, then shape, then repeats. Pure in-memory work, so the
 * answer never waits for ShotGrid or Resilio; what the events mean is decided behind the answer.
 * Each answer is counted here, as it is made ({@link WebhookAnswers}): a valid delivery's answer and
 * time, or a request refused as no valid delivery - no step after the answer, which would slow it.
 */
public final class WebhookIntake {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

    private final SignatureVerifier signatures;
    private final DeliveryParser parser;
    private final RecentEvents recent;
    private final SyncMetrics metrics;
    private final WebhookAnswers answers;
    private final java.util.function.Consumer<List<ShotGridEvent>> watch;
    private final com.srsync.events.EventQueueBudget budget;

    /**
     * @param answers counts each answer
     * @param watch   told of every valid delivery's events, repeats too (the webhook watch: the webhook works)
     * @param budget  the event queue's memory, reserved for a delivery's events before they are handed over
     */
    public WebhookIntake(SignatureVerifier signatures, DeliveryParser parser, RecentEvents recent, SyncMetrics metrics,
                         WebhookAnswers answers, java.util.function.Consumer<List<ShotGridEvent>> watch,
                         com.srsync.events.EventQueueBudget budget) {
        this.budget = budget;
        this.signatures = signatures;
        this.parser = parser;
        this.recent = recent;
        this.metrics = metrics;
        this.answers = answers;
        this.watch = watch;
    }

    /**
     * Checks the signature over the raw bytes, then the shape, then drops the events already seen.
     *
     * @param body      the request body as received: raw bytes (or a stream of them); a form post that the
     *                  server already parsed into a map has no raw bytes left and is refused
     * @param signature  the {@code x-sg-signature} header, or null
     * @param deliveryId the {@code x-sg-delivery-id} header, or null
     * @throws UnsignedDeliveryException the signature is missing or wrong (answered 401)
     * @throws NotADeliveryException     the body is not a ShotGrid delivery (answered 400)
     */
    public WebhookReceipt receive(Object body, String signature, String deliveryId) {
        long started = System.nanoTime();
        byte[] bytes = rawBytes(body);
        if (!signatures.accepts(bytes, signature)) {
            LOG.warn("Webhook refused: {} signature", signature == null ? "missing" : "wrong");
            metrics.webhook("unauthorized", 1);
            answers.badSignature();
            throw new UnsignedDeliveryException((signature == null ? "missing" : "wrong") + " x-sg-signature");
        }
        List<ShotGridEvent> events;
        try {
            events = parser.parse(bytes);
        } catch (NotADeliveryException e) {
            LOG.warn("Webhook refused: {}", e.getMessage());
            metrics.webhook("malformed", 1);
            answers.notADelivery();
            throw e;
        }
        watch.accept(events);
        Set<Long> inThisDelivery = new HashSet<>();
        List<ShotGridEvent> fresh = events.stream().filter(e -> recent.isNew(e.eventLogEntryId())
                && (e.eventLogEntryId() == null || inThisDelivery.add(e.eventLogEntryId()))).toList();
        int repeats = events.size() - fresh.size();
        if (repeats > 0) metrics.webhook("repeat", repeats);
        return new WebhookReceipt(events.size(), repeats, fresh, started, deliveryId);
    }

    /** Without a delivery id: a test, or a caller that has none. */
    public WebhookReceipt receive(Object body, String signature) {
        return receive(body, signature, null);
    }

    /**
     * The receipt's new events, to go on the event queue, with their room in its memory budget reserved (the
     * cost is on the message as header {@code eventCost}, given back once they are published); null when the
     * delivery brought none (all repeats, or an empty batch).
     *
     * @throws com.srsync.events.EventQueueBudget.FullException when the budget has no room
     */
    public List<ShotGridEvent> handOver(WebhookReceipt receipt, org.apache.camel.Exchange exchange) {
        if (receipt.events().isEmpty()) return null;
        exchange.getMessage().setHeader("eventCost", budget.reserve(receipt.events()));
        return receipt.events();
    }

    /** The 200 answer: how many events the delivery held and how many were repeats. Counted as answered now. */
    public String answer(WebhookReceipt receipt) {
        answers.delivered(200, java.time.Duration.ofNanos(System.nanoTime() - receipt.startedNanos()));
        return "{\"received\":" + receipt.received() + ",\"repeats\":" + receipt.repeats() + "}";
    }

    /**
     * The receipt's events are in the event queue: they count as seen from now on, so a repeat is
     * dropped. Until then a redelivery of the same events is taken again.
     */
    public void handedOver(WebhookReceipt receipt) {
        receipt.events().forEach(e -> recent.markSeen(e.eventLogEntryId()));
        if (!receipt.events().isEmpty()) metrics.webhook("accepted", receipt.events().size());
    }

    /**
     * Something unexpected failed while taking a delivery (a bug, not a full queue): the log gets the
     * whole exception, ShotGrid a short JSON 500 (it sends the delivery again), never a stack trace.
     *
     * @param receipt the delivery, when it had been taken as valid (its failed answer counts against the hook); else null
     */
    public String failed(Throwable failure, WebhookReceipt receipt) {
        LOG.error("Webhook delivery failed unexpectedly and is answered 500 (ShotGrid sends it again)", failure);
        metrics.webhook("failed", 1);
        if (receipt != null) answers.delivered(500, java.time.Duration.ofNanos(System.nanoTime() - receipt.startedNanos()));
        return "{\"error\":\"internal error, see the service log\"}";
    }

    private static byte[] rawBytes(Object body) {
        try {
            if (body instanceof byte[] b) return b;
            if (body instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
            if (body instanceof InputStream in) return in.readAllBytes();
        } catch (IOException e) {
            LOG.warn("Webhook body could not be read: {}", e.getMessage());
        }
        return new byte[0];
    }
}
