package com.srsync.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.classic.ExecChainHandler;
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
    private final long deadlineNanos;
    private final long maxBytes;
    private final ExecChainHandler watcher;

    /** @param watcher sees every call outside the limits (the upstreams' health), or null */
    public HttpLimits(Duration deadline, long maxBytes, ExecChainHandler watcher) {
        this.deadlineNanos = deadline.toNanos();
        this.maxBytes = maxBytes;
        this.watcher = watcher;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        // outermost in the client's chain: the answer is seen as the caller reads it, after any gzip is undone,
        // so the cap counts what lands in memory (a small gzip bomb is still a large answer)
        builder.addExecInterceptorFirst("srsync-limits", (request, scope, chain) -> {
            long deadline = System.nanoTime() + deadlineNanos;
            ClassicHttpResponse response = chain.proceed(request, scope);
            // past a limit the connection is dropped, not drained: draining is exactly what must not be waited for
            if (response.getEntity() != null) response.setEntity(new Limited(response.getEntity(), deadline, scope.execRuntime::discardEndpoint));
            return response;
        });
        if (watcher != null) builder.addExecInterceptorFirst("srsync-upstream-health", watcher);   // outside the limits: sees their failures
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
        private final Runnable abort;

        Limited(HttpEntity entity, long deadline, Runnable abort) {
            super(entity);
            this.deadline = deadline;
            this.abort = abort;
        }

        @Override
        public InputStream getContent() throws IOException {
            if (getContentLength() > maxBytes) {
                abort.run();
                throw new AnswerTooLargeException(maxBytes);
            }
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
                    if (System.nanoTime() - deadline > 0) {
                        abort.run();
                        throw new DeadlineExceededException(deadlineNanos / 1_000_000);
                    }
                }

                private void count(int n) {
                    read += n;
                    if (read > maxBytes) {
                        abort.run();
                        throw new AnswerTooLargeException(maxBytes);
                    }
                }
            };
        }
    }
}
