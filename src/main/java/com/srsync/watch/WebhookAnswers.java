package com.srsync.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's own webhook answers as ShotGrid counts them against the hook: each answer other than 2xx,
 * and each answer slower than 5 s, over a sliding 24 hours (ShotGrid switches a hook off at 100 failures a
 * day). Counted in one-minute buckets; and when the last delivery came.
 */
public final class WebhookAnswers {
    /** ShotGrid counts a delivery answered after this as failed. */
    static final Duration SLOW = Duration.ofSeconds(5);
    /** The warning: well before ShotGrid's 100. */
    public static final int WARN_AT = 50;
    private static final int MINUTES = 24 * 60;

    private final Clock clock;
    private final int[] failed = new int[MINUTES];
    private final long[] bucketMinute = new long[MINUTES];
    private volatile Instant lastDelivery;

    public WebhookAnswers(Clock clock) {
        this.clock = clock;
    }

    /** A webhook request's exchange, once answered (errors.yaml, webhook-paths: onCompletion). */
    public void answeredExchange(org.apache.camel.Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(org.apache.camel.Exchange.HTTP_RESPONSE_CODE, Integer.class);
        answered(status == null ? 200 : status, Duration.ofMillis(exchange.getClock().elapsed()));
    }

    /** One webhook request answered with {@code status} after {@code took}. A good answer takes no lock. */
    public void answered(int status, Duration took) {
        Instant now = clock.instant();
        lastDelivery = now;
        if (status >= 200 && status < 300 && took.compareTo(SLOW) <= 0) return;
        long minute = now.getEpochSecond() / 60;
        int i = (int) (minute % MINUTES);
        synchronized (this) {
            if (bucketMinute[i] != minute) {
                bucketMinute[i] = minute;
                failed[i] = 0;
            }
            failed[i]++;
        }
    }

    /** Answers ShotGrid counts as failed in the last 24 hours. */
    public synchronized int failedLastDay() {
        long minute = clock.instant().getEpochSecond() / 60;
        int total = 0;
        for (int i = 0; i < MINUTES; i++) if (minute - bucketMinute[i] < MINUTES) total += failed[i];
        return total;
    }

    /** Seconds since the last delivery came, or -1 when none came since start. */
    public long secondsSinceLastDelivery() {
        Instant last = lastDelivery;
        return last == null ? -1 : Duration.between(last, clock.instant()).toSeconds();
    }

    /** The warning, or null. */
    public String problem() {
        int n = failedLastDay();
        return n < WARN_AT ? null : n + " webhook answers in the last 24 hours were errors or slower than 5 s; ShotGrid switches the"
                + " webhook off at 100 a day";
    }
}
