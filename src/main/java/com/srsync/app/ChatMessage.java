package com.srsync.app;

import java.util.Map;

/** Builds the body of a Slack-compatible incoming-webhook message, for extension routes. */
public final class ChatMessage {
    /** {@code {"text": text}}; marshal it to JSON before sending. */
    public Map<String, Object> message(String text) {
        return Map.of("text", text);
    }
}
