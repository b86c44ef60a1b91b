package com.srsync.config;

import java.time.Duration;

/**
 * Every call to ShotGrid and the console: its time limits and answer size, and how a Resilio write
 * that failed for a passing reason is tried again before it is dead-lettered.
 *
 * @param callDeadline        HTTP_CALL_DEADLINE_MS: the longest a whole call may take
 * @param maxResponseBytes    HTTP_MAX_RESPONSE_BYTES
 * @param retryDelay          RETRY_DELAY_MS: the first wait before a write is tried again, doubling
 * @param retryMaxDelay       RETRY_MAX_DELAY_MS
 * @param retryMaxRedeliveries RETRY_MAX_REDELIVERIES
 */
public record CallSettings(Duration connectTimeout, Duration readTimeout, Duration callDeadline, long maxResponseBytes,
                           Duration retryDelay, Duration retryMaxDelay, int retryMaxRedeliveries) {}
