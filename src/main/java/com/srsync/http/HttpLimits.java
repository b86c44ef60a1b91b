package com.srsync.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * What camel-http's own timeouts cannot do, added to every ShotGrid and Resilio call through
 * camel-http's {@code httpClientConfigurer}: a total deadline per call (the socket timeout resets with
 * every byte, so a body that trickles in forever would otherwise hold a reconcile for good) and a cap on
 * the size of an answer (a runaway answer must not exhaust the heap). Past the deadline the call fails
 * as a timeout, which is retried like any other; a too-large answer fails and is not retried.
 */
public final class HttpLimits implements HttpClientConfigurer {
    private static final String DEADLINE = "srsync.deadline";

    private final long deadlineNanos;
    private final long maxBytes;

    public HttpLimits(Duration deadline, long maxBytes) {
        this.deadlineNanos = deadline.toNanos();
        this.maxBytes = maxBytes;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addRequestInterceptorFirst((request, entity, context) -> {
            if (context.getAttribute(DEADLINE) == null) context.setAttribute(DEADLINE, System.nanoTime() + deadlineNanos);
        });
        builder.addResponseInterceptorLast((response, entity, context) -> {
            if (response instanceof ClassicHttpResponse classic && classic.getEntity() != null) {
                Object deadline = context.getAttribute(DEADLINE);
                classic.setEntity(new Limited(classic.getEntity(), deadline instanceof Long d ? d : System.nanoTime() + deadlineNanos));
            }
        });
    }

    /** A call that did not complete within its deadline: a timeout, like any other. */
    public static final class DeadlineExceededException extends SocketTimeoutException {
        DeadlineExceededException(long millis) {
            super("no complete answer within " + millis + " ms (HTTP_CALL_DEADLINE_MS)");
        }
    }

    /** An answer larger than the cap: not retried. */
    public static final class AnswerTooLargeException extends RuntimeException {
        AnswerTooLargeException(long maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes (HTTP_MAX_RESPONSE_BYTES)");
        }
    }

    private final class Limited extends HttpEntityWrapper {
        private final long deadline;

        Limited(HttpEntity entity, long deadline) {
            super(entity);
            this.deadline = deadline;
        }

        @Override
        public InputStream getContent() throws IOException {
            if (getContentLength() > maxBytes) throw new AnswerTooLargeException(maxBytes);
            return new FilterInputStream(super.getContent()) {
                private long read;

                @Override
                public int read() throws IOException {
                    check();
                    int b = super.read();
                    if (b >= 0) count(1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    check();
                    int n = super.read(buffer, offset, length);
                    if (n > 0) count(n);
                    return n;
                }

                private void check() throws IOException {
                    if (System.nanoTime() - deadline > 0) throw new DeadlineExceededException(deadlineNanos / 1_000_000);
                }

                private void count(int n) {
                    read += n;
                    if (read > maxBytes) throw new AnswerTooLargeException(maxBytes);
                }
            };
        }
    }
}
