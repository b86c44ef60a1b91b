package com.srsync.http;

import java.io.IOException;

/**
 * The console answered, but not with something the service can plan or report from (neither a list nor
 * {@code {"data": [...]}}, or an agent list with no agent). Described in its own words, never as "no answer".
 */
public class UnusableAnswerException extends IOException {
    public UnusableAnswerException(String message) {
        super(message);
    }
}
