package com.srsync.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * What camel-http's own timeouts cannot do, added to every ShotGrid and Resilio call through
 * camel-http's {@code httpClientConfigurer}: a total deadline per call (HTTP_CALL_DEADLINE_MS) and a cap
 * on the size of an answer (a runaway answer must not exhaust the heap). The socket timeout resets with
 * every byte, so a peer that trickles its status line and headers, or its body, would otherwise hold a
 * reconcile for good: the deadline covers the whole call - connecting, waiting for the head, reading
 * the body. When it passes, a timer drops the connection, whatever the call is blocked on. Past the
 * deadline the call fails as a timeout, which is retried like any other; a too-large answer fails and
 * is not retried.
 */
public final class HttpLimits implements HttpClientConfigurer {
    private final long deadlineNanos;
    private final long maxBytes;
    private final ExecChainHandler watcher;
    private static final ScheduledThreadPoolExecutor TIMER = timer();

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
            Deadline timer = new Deadline(scope.execRuntime::discardEndpoint);
            ClassicHttpResponse response;
            try {
                response = chain.proceed(request, scope);
            } catch (IOException | RuntimeException e) {
                timer.cancel();
                if (timer.passed()) throw new DeadlineExceededException(deadlineNanos / 1_000_000);
                throw e;
            }
            if (response.getEntity() == null) {
                timer.cancel();
                return response;
            }
            // past a limit the connection is dropped, not drained: draining is exactly what must not be waited for
            response.setEntity(new Limited(response.getEntity(), timer));
            return response;
        });
        if (watcher != null) builder.addExecInterceptorFirst("srsync-upstream-health", watcher);   // outside the limits: sees their failures
    }

    private interface IoRead {
        int get() throws IOException;
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

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "http-call-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);                 // a call that ends in time leaves nothing behind
        return timer;
    }

    /** One call's deadline: when it passes first, the connection is dropped, unblocking whatever waits on it. */
    private final class Deadline implements Runnable {
        private final Runnable abort;
        private final long due = System.nanoTime() + deadlineNanos;
        private final ScheduledFuture<?> task;
        private volatile boolean passed;

        Deadline(Runnable abort) {
            this.abort = abort;
            this.task = TIMER.schedule(this, deadlineNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            passed = true;
            abort.run();
        }

        /** True once the deadline has passed (the timer may run a little late; the clock decides). */
        boolean passed() {
            return passed || System.nanoTime() - due > 0;
        }

        void cancel() {
            task.cancel(false);
        }

        /** Now, on the caller's thread: the answer is not read further. */
        void abortNow() {
            cancel();
            abort.run();
        }
    }

    private final class Limited extends HttpEntityWrapper {
        private final Deadline timer;

        Limited(HttpEntity entity, Deadline timer) {
            super(entity);
            this.timer = timer;
        }

        @Override
        public InputStream getContent() throws IOException {
            if (getContentLength() > maxBytes) {
                timer.abortNow();
                throw new AnswerTooLargeException(maxBytes);
            }
            InputStream content;
            try {
                content = super.getContent();
            } catch (IOException | RuntimeException e) {
                timer.cancel();
                throw e;
            }
            return new FilterInputStream(content) {
                private long read;

                @Override
                public int read() throws IOException {
                    check();
                    int b = passedOr(() -> super.read());
                    if (b >= 0) count(1);
                    else timer.cancel();
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    check();
                    int n = passedOr(() -> super.read(buffer, offset, length));
                    if (n > 0) count(n);
                    else if (n < 0) timer.cancel();
                    return n;
                }

                @Override
                public void close() throws IOException {
                    timer.cancel();
                    super.close();
                }

                /** A read the timer cut off fails as the deadline, not as a closed socket. */
                private int passedOr(IoRead read) throws IOException {
                    try {
                        return read.get();
                    } catch (IOException e) {
                        if (timer.passed()) throw new DeadlineExceededException(deadlineNanos / 1_000_000);
                        throw e;
                    }
                }

                private void check() throws IOException {
                    if (timer.passed()) {
                        timer.abortNow();
                        throw new DeadlineExceededException(deadlineNanos / 1_000_000);
                    }
                }

                private void count(int n) {
                    read += n;
                    if (read > maxBytes) {
                        timer.abortNow();
                        throw new AnswerTooLargeException(maxBytes);
                    }
                }
            };
        }
    }
}
