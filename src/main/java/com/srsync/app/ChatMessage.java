package com.srsync.app;

import java.util.Map;

/** Builds the body of a Slack-compatible incoming-webhook message, for extension routes. */
public final class ChatMessage {
    /** {@code {"text": text}}; marshal it to JSON before sending. */
    public Map<String, Object> message(String text) {
        return Map.of("text", text);
    }

    /**
     * A value from ShotGrid (a shot code, a user's name) made safe to put into a message: {@code &},
     * {@code <} and {@code >} escaped as the chat format requires, so a name such as {@code <!channel>}
     * is shown as typed and never pings a whole channel or becomes a link.
     */
    public String escape(Object value) {
        if (value == null) return "";
        return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
