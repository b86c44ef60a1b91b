package com.srsync.failure;

import com.srsync.observe.SyncMetrics;
import org.apache.camel.Exchange;

/**
 * Whether a write that failed for a transient reason is tried again: at most RETRY_MAX_REDELIVERIES
 * times, each retry counted in {@code srsync_write_retries_total}. The count is kept in an exchange
 * property of its own, because the console call removes every header (so nothing leaks into the
 * request), Camel's redelivery counter header included: a predicate on that header saw none, and a
 * console answering 503 for good was retried for ever, holding its project's reconcile open.
 */
public final class WriteRetries {
    static final String ATTEMPTS = "srsyncWriteRetries";

    private final SyncMetrics metrics;

    public WriteRetries(SyncMetrics metrics) {
        this.metrics = metrics;
    }

    /** Called once per failure, before a redelivery is decided; true (and counted) while retries are left. */
    public boolean again(Exchange exchange, int maxRedeliveries) {
        int done = exchange.getProperty(ATTEMPTS, 0, Integer.class);
        if (done >= maxRedeliveries) return false;
        exchange.setProperty(ATTEMPTS, done + 1);
        metrics.writeRetried();
        return true;
    }
}
