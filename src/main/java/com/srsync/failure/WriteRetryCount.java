package com.srsync.failure;

import com.srsync.observe.SyncMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Counts each redelivery of a write ({@code srsync_write_retries_total}); the error handler calls it before each one. */
public final class WriteRetryCount implements Processor {
    private final SyncMetrics metrics;

    public WriteRetryCount(SyncMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        metrics.writeRetried();
    }
}
