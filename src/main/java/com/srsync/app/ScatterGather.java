package com.srsync.app;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The multicasts that read at once, in one piece ({@code aggregationStrategy: scatterGather}, then the
 * step {@code bean: {ref: scatterGather, method: complete}}): each branch reads into a variable of its
 * own and the result carries every branch's variables; a branch that failed is kept aside, and
 * {@link #complete} fails the exchange with the first such failure, so the caller's error handling sees
 * it and nothing is planned from part of a read. (A failure left inside the multicast is marked as
 * handled by the branch, and the caller would go on as if the read had succeeded.)
 */
public final class ScatterGather implements AggregationStrategy {
    static final String FAILURE = "srsyncReadFailure";

    @Override
    public Exchange aggregate(Exchange merged, Exchange branch) {
        Exception failure = branch.getException();
        if (merged == null) {
            if (failure != null) {
                branch.setProperty(FAILURE, failure);
                branch.setException(null);
            }
            return branch;
        }
        if (branch.hasVariables()) merged.getVariables().putAll(branch.getVariables());
        if (failure != null && merged.getProperty(FAILURE) == null) merged.setProperty(FAILURE, failure);
        return merged;
    }

    /** After the multicast: fails with the first branch's failure, if any. */
    public void complete(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(FAILURE, Exception.class);
        if (failure == null) return;
        exchange.removeProperty(FAILURE);
        throw failure;
    }
}
