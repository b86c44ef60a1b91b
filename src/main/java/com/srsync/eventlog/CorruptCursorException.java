package com.srsync.eventlog;

/** The cursor file exists but cannot be understood: the poller stops rather than start from zero. */
public class CorruptCursorException extends RuntimeException {
    public CorruptCursorException(String message) {
        super(message);
    }
}
