package com.srsync.app;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * For a multicast whose branches each read into a variable of their own (scatter-gather reads): the
 * result carries every branch's variables, so the steps after the multicast see them all.
 */
public final class MergeVariables implements AggregationStrategy {
    @Override
    public Exchange aggregate(Exchange merged, Exchange branch) {
        if (merged == null) return branch;
        if (branch.hasVariables()) merged.getVariables().putAll(branch.getVariables());
        return merged;
    }
}
