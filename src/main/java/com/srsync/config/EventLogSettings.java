package com.srsync.config;

/**
 * ShotGrid's event log, followed beside (or instead of) webhooks.
 *
 * @param enabled EVENTLOG_POLL_ENABLED
 * @param startId EVENTLOG_START_ID, or null: start after the newest event
 */
public record EventLogSettings(boolean enabled, Long startId) {}
