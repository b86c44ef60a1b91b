package com.srsync.http;

import java.time.Duration;
import java.util.Set;

/**
 * A call to ShotGrid or Resilio that failed. {@code status} is 0 when no answer came (connection
 * refused or reset, timeout). Connection failures, timeouts, 429, 502, 503 and 504 are retryable;
 * everything else is not. The message names the service, the operation and the status, never a credential.
 */
public class RemoteCallException extends RuntimeException {
    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

    private final String service;
    private final int status;
    private final Duration retryAfter;
    private final long failedAtMillis = System.currentTimeMillis();

    public RemoteCallException(String service, String operation, int status, String detail, Duration retryAfter, Throwable cause) {
        super(service + " " + operation + (status == 0 ? " got no answer" : " answered " + status)
                + (detail == null || detail.isBlank() ? "" : ": " + detail), cause);
        this.service = service;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public String getService() { return service; }

    public int getStatus() { return status; }

    /** What the server asked for in {@code Retry-After}, or null. */
    public Duration getRetryAfter() { return retryAfter; }

    /** When the call failed, so a wait the server asked for can be counted from then. */
    public long getFailedAtMillis() { return failedAtMillis; }

    public boolean isRetryable() {
        return status == 0 || RETRYABLE.contains(status);
    }
}
