package com.srsync.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.observe.SyncMetrics;
import com.srsync.reconcile.JobOperation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What follows a failed write: in line for a short wait, a re-plan for a long one, a dead letter when no tries are left. */
class WriteRetriesTest {
    /** RETRY_MAX_REDELIVERIES 5, RETRY_DELAY_MS 500 doubling to 30 s, in line up to 2 s, Retry-After honoured up to 10 min. */
    private final WriteAttempts attempts = new WriteAttempts();
    private final WriteRetries retries = new WriteRetries(attempts, new SyncMetrics(() -> null), 5, Duration.ofMillis(500),
            Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(10));
    private final JobOperation op = JobOperation.delete(155, 1001, "HybridWork_TST_TST_010_0010", "shot not active");

    private static HttpOperationFailedException answered(int status, String retryAfter) {
        return new HttpOperationFailedException("http://console/api/v2/jobs/1001", status, "x", null,
                retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter), "{}");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
            Arguments.of("a first failure with no Retry-After: in line", 1, answered(503, null), WriteRetries.Next.NOW),
            Arguments.of("no answer: in line", 2, new IOException("Connection reset"), WriteRetries.Next.NOW),
            Arguments.of("the backoff grown past 2 s: planned again", 4, answered(503, null), WriteRetries.Next.LATER),
            Arguments.of("Retry-After 20: planned again, never sent stale", 1, answered(429, "20"), WriteRetries.Next.LATER),
            Arguments.of("Retry-After 1: in line", 1, answered(429, "1"), WriteRetries.Next.NOW),
            Arguments.of("the sixth failure in a row: no tries left", 6, answered(503, null), WriteRetries.Next.NEVER),
            Arguments.of("no tries left even when the console asks to wait", 6, answered(429, "20"), WriteRetries.Next.NEVER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void the_wait_decides_between_in_line_and_a_fresh_plan(String rule, int failures, Throwable failure, WriteRetries.Next next) {
        WriteRetries.Decision d = retries.decide(failures, failure);
        assertEquals(next, d.next(), rule);
        if (next == WriteRetries.Next.NOW) assertTrue(d.delay().toMillis() <= 2000, rule);
        if (next == WriteRetries.Next.LATER) assertTrue(d.delay().toMillis() > 2000, rule);
    }

    @Test
    void a_failure_that_was_not_retried_still_counts_in_the_dead_letter() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            exchange.setVariable("operation", op);
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, answered(503, null));
            retries.process(exchange);                                     // try 1: 503, retried in line
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, answered(500, null));   // try 2: 500, not retried

            assertEquals(2, retries.givenUp(exchange));
            assertEquals(1, attempts.failed(op), "the count starts again once the write is dead-lettered");
        }
    }

    @Test
    void a_deferred_write_no_longer_planned_forgets_its_count() {
        JobOperation other = JobOperation.delete(155, 1002, "HybridWork_TST_TST_010_0020", "shot not active");
        attempts.failed(op);
        attempts.failed(other);

        attempts.keepOnly(155, List.of(other));                            // the next reconcile of 155 deferred only the other write

        assertEquals(1, attempts.failed(op), "op's count started again");
        assertEquals(2, attempts.failed(other));
    }
}
