package com.srsync.watch;

import com.srsync.cluster.TermScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's own webhook answers, counted where they are made (the intake and the webhook routes' error
 * handlers), not by a step after each: the answer stays as fast as without the count.
 * <ul>
 *   <li>Valid deliveries (signed, shaped like a delivery): when the last one came, and each answer ShotGrid
 *       counts against the hook - not 2xx, or slower than 5 s - over a sliding 24 hours (ShotGrid switches a
 *       hook off at 100 failures a day).</li>
 *   <li>Requests that were no valid delivery (no or a wrong signature, not a delivery) are counted apart: a
 *       stranger's request never moves the delivery figures. Refused signatures are a warning in words:
 *       if they came from ShotGrid, its webhook secret differs from SECRET_TOKEN.</li>
 * </ul>
 * Counted in one-minute buckets. Leader-scoped (deliveries go to the leader): a change of term starts afresh.
 */
public final class WebhookAnswers implements TermScoped {
    /** ShotGrid counts a delivery answered after this as failed. */
    static final Duration SLOW = Duration.ofSeconds(5);
    /** The warning: well before ShotGrid's 100. */
    public static final int WARN_AT = 50;

    private final Clock clock;
    private final MinuteCounts failed = new MinuteCounts();
    private final MinuteCounts badSignatures = new MinuteCounts();
    private final MinuteCounts notDeliveries = new MinuteCounts();
    private volatile Instant lastDelivery;

    public WebhookAnswers(Clock clock) {
        this.clock = clock;
    }

    /** A valid delivery answered with {@code status} after {@code took}. A good answer takes no lock. */
    public void delivered(int status, Duration took) {
        Instant now = clock.instant();
        if (status >= 200 && status < 300) lastDelivery = now;
        if (status < 200 || status >= 300 || took.compareTo(SLOW) > 0) failed.add(now);
    }

    /** A request refused for its signature (missing or wrong): not a delivery. */
    public void badSignature() {
        badSignatures.add(clock.instant());
    }

    /** A request refused for its shape (not JSON, not a delivery): not a delivery. */
    public void notADelivery() {
        notDeliveries.add(clock.instant());
    }

    /** Answers to valid deliveries that ShotGrid counts as failed, in the last 24 hours. */
    public int failedLastDay() {
        return failed.lastDay(clock.instant());
    }

    /** Requests refused as no valid delivery in the last 24 hours: {@code signature} or {@code shape}. */
    public int refusedLastDay(String reason) {
        return ("signature".equals(reason) ? badSignatures : notDeliveries).lastDay(clock.instant());
    }

    /** Seconds since the last valid delivery was answered 2xx, or -1 when none came in this term. */
    public long secondsSinceLastDelivery() {
        Instant last = lastDelivery;
        return last == null ? -1 : Duration.between(last, clock.instant()).toSeconds();
    }

    /** The alarm (answers to valid deliveries near ShotGrid's limit), or null. */
    public String problem() {
        int n = failedLastDay();
        return n < WARN_AT ? null : n + " webhook answers in the last 24 hours were errors or slower than 5 s; ShotGrid switches the"
                + " webhook off at 100 a day";
    }

    /** The warning (requests refused for their signature), or null. Never an alarm: anyone can send such a request. */
    public String warning() {
        int n = refusedLastDay("signature");
        return n == 0 ? null : n + " webhook request" + (n == 1 ? " was" : "s were") + " refused in the last 24 hours for a missing or wrong "
                + "signature; if these came from ShotGrid, its webhook secret differs from SECRET_TOKEN";
    }

    @Override
    public void forgetTerm() {
        lastDelivery = null;
        failed.clear();
        badSignatures.clear();
        notDeliveries.clear();
    }

    /** Counts over a sliding 24 hours, in one-minute buckets. */
    private static final class MinuteCounts {
        private static final int MINUTES = 24 * 60;
        private final int[] counts = new int[MINUTES];
        private final long[] bucketMinute = new long[MINUTES];

        synchronized void add(Instant now) {
            long minute = now.getEpochSecond() / 60;
            int i = (int) (minute % MINUTES);
            if (bucketMinute[i] != minute) {
                bucketMinute[i] = minute;
                counts[i] = 0;
            }
            counts[i]++;
        }

        synchronized int lastDay(Instant now) {
            long minute = now.getEpochSecond() / 60;
            int total = 0;
            for (int i = 0; i < MINUTES; i++) if (minute - bucketMinute[i] < MINUTES) total += counts[i];
            return total;
        }

        synchronized void clear() {
            java.util.Arrays.fill(counts, 0);
            java.util.Arrays.fill(bucketMinute, 0);
        }
    }
}
