package com.srsync.failure;

import com.srsync.http.RemoteCallException;
import com.srsync.observe.SyncMetrics;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts each redelivery of a write and honours a server's {@code Retry-After} before it: Camel has already waited its own
 * backoff; if the server asked for longer, this waits the rest (up to {@code cap}).
 */
public final class RetryAfter implements Processor {
    private final Duration cap;
    private final SyncMetrics metrics;

    public RetryAfter(Duration cap, SyncMetrics metrics) {
        this.cap = cap;
        this.metrics = metrics;
    }

    /** Called by the error handler before each redelivery. */
    @Override
    public void process(Exchange exchange) throws InterruptedException {
        metrics.writeRetried();
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught == null) caught = exchange.getException();
        RemoteCallException failure = find(caught);
        if (failure == null || failure.getRetryAfter() == null) return;
        long asked = Math.min(failure.getRetryAfter().toMillis(), cap.toMillis());
        long waited = System.currentTimeMillis() - failure.getFailedAtMillis();
        if (asked > waited) Thread.sleep(asked - waited);
    }

    private static RemoteCallException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RemoteCallException r) return r;
        }
        return null;
    }
}
