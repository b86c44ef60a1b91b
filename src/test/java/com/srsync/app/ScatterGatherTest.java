package com.srsync.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ScatterGatherTest {
    private final ScatterGather strategy = new ScatterGather();
    private final DefaultCamelContext context = new DefaultCamelContext();

    private Exchange branch(String variable, Object value, Exception failure) {
        Exchange e = new DefaultExchange(context);
        e.setVariable(variable, value);
        if (failure != null) e.setException(failure);
        return e;
    }

    @Test
    void the_result_carries_every_branchs_variables_and_completes_quietly() {
        Exchange first = strategy.aggregate(null, branch("shots", 3, null));
        Exchange merged = strategy.aggregate(first, branch("tasks", 4, null));

        assertEquals(3, merged.getVariable("shots"));
        assertEquals(4, merged.getVariable("tasks"));
        assertDoesNotThrow(() -> strategy.complete(merged));
    }

    @Test
    void the_first_failed_branch_fails_the_exchange_after_the_multicast() {
        IOException first = new IOException("shots: 503");
        Exchange merged = strategy.aggregate(null, branch("projects", 1, null));
        merged = strategy.aggregate(merged, branch("shots", null, first));
        merged = strategy.aggregate(merged, branch("tasks", null, new IOException("tasks: 503")));
        Exchange result = merged;

        assertSame(first, assertThrows(IOException.class, () -> strategy.complete(result)));
    }

    @Test
    void a_first_branch_that_failed_counts_too() {
        IOException failure = new IOException("projects: 502");
        Exchange merged = strategy.aggregate(null, branch("projects", null, failure));
        Exchange result = strategy.aggregate(merged, branch("shots", 2, null));

        assertSame(failure, assertThrows(IOException.class, () -> strategy.complete(result)));
    }
}
