package com.srsync.failure;

import com.srsync.http.Upstreams;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Honours a console's {@code Retry-After} without sleeping: called by the error handler as soon as a
 * write fails ({@code onExceptionOccurredRef} in {@code routes/errors.yaml}), it sets the delay of the
 * next redelivery to the longer of the usual backoff and what the console asked for (at most
 * {@code cap}). The redelivery is then scheduled ({@code asyncDelayedRedelivery}), so no thread waits.
 */
public final class RetryAfterDelay implements Processor {
    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final Duration cap;

    public RetryAfterDelay(Duration firstDelay, Duration maxDelay, Duration cap) {
        this.firstDelayMillis = firstDelay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.cap = cap;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) failure = exchange.getException();
        Duration asked = Upstreams.retryAfter(failure);
        if (asked == null) {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);   // the policy's own backoff applies
            return;
        }
        int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        long backoff = Math.min(maxDelayMillis, firstDelayMillis << Math.min(Math.max(attempt - 1, 0), 30));
        long jitter = (long) (backoff * 0.15 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        long delay = Math.max(backoff + jitter, Math.min(asked.toMillis(), cap.toMillis()));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
    }
}
