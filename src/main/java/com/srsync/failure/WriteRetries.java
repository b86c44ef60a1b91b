package com.srsync.failure;

import com.srsync.http.Upstreams;
import com.srsync.observe.SyncMetrics;
import com.srsync.reconcile.JobOperation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a write that failed for a transient reason (no answer, 429, 502, 503, 504), decided
 * once per failure as soon as it happens ({@code onExceptionOccurredRef} in {@code routes/errors.yaml}):
 * <ul>
 * <li>{@link Next#NOW}: tried again in line after a short wait (at most {@code inlineLimit}, a second
 *     or two: a reset connection, a console catching its breath);</li>
 * <li>{@link Next#LATER}: the wait is longer (the console's {@code Retry-After}, or the backoff has grown):
 *     the write is not kept to be sent later as it was planned - ShotGrid may change meanwhile - but
 *     the run goes on with its other writes and the project is planned again from fresh reads when due;</li>
 * <li>{@link Next#NEVER}: it failed more than RETRY_MAX_REDELIVERIES times in a row, counted across
 *     reconciles ({@link WriteAttempts}): it is dead-lettered.</li>
 * </ul>
 * The wait is the longer of the backoff (RETRY_DELAY_MS doubling to RETRY_MAX_DELAY_MS, with jitter) and
 * what the console asked for in {@code Retry-After} (at most {@code cap}). Each failure is logged once,
 * in words, with its true count.
 */
public final class WriteRetries implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger("com.srsync.resilio");
    /** The exchange variable that holds the decision on the last failure ({@code ${variable.writeDecision}} in errors.yaml). */
    static final String DECISION = "writeDecision";

    /** What happens next to a failed write. */
    public enum Next { NOW, LATER, NEVER }

    /**
     * The decision on one failure: what next, after how long, the write's failures in a row so far, and the
     * failure it was made on (a later failure of the same write, not transient, was not decided on).
     */
    public record Decision(Next next, Duration delay, int failures, String why, Throwable failure) {}

    private final WriteAttempts attempts;
    private final SyncMetrics metrics;
    private final int maxRedeliveries;
    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final long inlineLimitMillis;
    private final Duration cap;

    public WriteRetries(WriteAttempts attempts, SyncMetrics metrics, int maxRedeliveries, Duration firstDelay, Duration maxDelay,
                        Duration inlineLimit, Duration cap) {
        this.attempts = attempts;
        this.metrics = metrics;
        this.maxRedeliveries = maxRedeliveries;
        this.firstDelayMillis = firstDelay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.inlineLimitMillis = inlineLimit.toMillis();
        this.cap = cap;
    }

    /** Decides, logs and counts the failure the exchange carries; an in-line retry gets its delay. */
    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) failure = exchange.getException();
        JobOperation op = exchange.getVariable("operation", JobOperation.class);
        Decision decision = decide(op == null ? 1 : attempts.failed(op), failure);
        exchange.setVariable(DECISION, decision);
        if (decision.next() == Next.NOW) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, decision.delay().toMillis());
            metrics.writeRetried();
        }
        log(op, exchange.getVariable("resilioCall", String.class), decision);
    }

    /** The rule, on its own: a write's failures in a row (this one included) and the failure (its Retry-After, if any). */
    Decision decide(int failures, Throwable failure) {
        String why = describe(failure);
        if (failures > maxRedeliveries) return new Decision(Next.NEVER, Duration.ZERO, failures, why, failure);
        Duration asked = failure == null ? null : Upstreams.retryAfter(failure);
        long backoff = Math.min(maxDelayMillis, firstDelayMillis << Math.min(failures - 1, 30));
        long jitter = (long) (backoff * 0.15 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        long wait = Math.max(backoff + jitter, asked == null ? 0 : Math.min(asked.toMillis(), cap.toMillis()));
        return new Decision(wait <= inlineLimitMillis ? Next.NOW : Next.LATER, Duration.ofMillis(Math.max(wait, 0)), failures, why, failure);
    }

    /** retryWhile: true when the failure is retried in line. */
    public boolean again(Exchange exchange) {
        Decision d = exchange.getVariable(DECISION, Decision.class);
        return d != null && d.next() == Next.NOW;
    }

    /** True when the write is left for a later reconcile (the failure handler's steps then defer, not dead-letter). */
    public boolean later(Exchange exchange) {
        Decision d = exchange.getVariable(DECISION, Decision.class);
        return d != null && d.next() == Next.LATER;
    }

    /**
     * The write is dead-lettered: how many times it was tried in a row (at least 1); its count starts again.
     * A failure no decision was made on (not transient: a 4xx, a 500) is counted here.
     */
    public int givenUp(Exchange exchange) {
        JobOperation op = exchange.getVariable("operation", JobOperation.class);
        Decision d = exchange.getVariable(DECISION, Decision.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        boolean decided = d != null && (failure == null || d.failure() == failure);
        int tries = decided ? d.failures() : op == null ? 1 : attempts.failed(op);
        if (op != null) attempts.forget(op);
        return Math.max(tries, 1);
    }

    private void log(JobOperation op, String call, Decision d) {
        String what = (op == null ? "a write" : "Project " + op.getProjectId() + ": " + op.getAction() + " " + op.getJobName())
                + (call == null ? "" : " (" + call + ")");
        switch (d.next()) {
            case NOW -> LOG.warn("{} failed ({}), try {} of {}; trying again in {} ms", what, d.why(), d.failures(), maxRedeliveries + 1,
                    d.delay().toMillis());
            case LATER -> LOG.warn("{} failed ({}), try {} of {}; not sent later as planned: the project is planned again in {} s",
                    what, d.why(), d.failures(), maxRedeliveries + 1, (d.delay().toMillis() + 999) / 1000);
            case NEVER -> LOG.warn("{} failed ({}), try {} of {}; no tries left", what, d.why(), d.failures(), maxRedeliveries + 1);
        }
    }

    private static String describe(Throwable failure) {
        Integer status = failure == null ? null : Upstreams.status(failure);
        if (status == null || status == 0) return failure == null ? "no answer" : "no answer: " + failure.getMessage();
        Duration asked = Upstreams.retryAfter(failure);
        return "answered " + status + (asked == null ? "" : ", Retry-After " + asked.toSeconds() + " s");
    }
}
