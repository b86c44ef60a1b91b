package com.srsync.logging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The values the log must never show: API keys, tokens, and URLs that carry their secret in them (a
 * Slack-style incoming webhook's path). Registered once at start-up; read on every log line, so the
 * list is copied on write and read without a lock.
 */
public final class MaskedValues {
    /** Shorter values are not masked: a one-letter test secret would blank every word holding that letter. */
    static final int SHORTEST = 6;
    private static final List<String> VALUES = new CopyOnWriteArrayList<>();

    private MaskedValues() {}

    /** Hides {@code value} from every later log line (nothing when null or shorter than {@value #SHORTEST} characters). */
    public static void hide(String value) {
        if (value == null || value.length() < SHORTEST || VALUES.contains(value)) return;
        List<String> next = new ArrayList<>(VALUES);
        next.add(value);
        next.sort(Comparator.comparingInt(String::length).reversed());    // the longest first: a URL before its path
        VALUES.clear();
        VALUES.addAll(next);
    }

    /**
     * Hides a URL whose path or query is the secret, e.g. {@code https://hooks.slack.com/services/T0/B0/XYZ}:
     * the whole URL, and its path and query on their own, as a library may print either.
     */
    public static void hideUrl(String url) {
        if (url == null) return;
        hide(url);
        int scheme = url.indexOf("://");
        int path = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        if (path > 0 && url.length() - path > 1) hide(url.substring(path));
    }

    /** Replaces every hidden value in {@code text} with {@code ****}; returns whether anything was replaced. */
    static boolean mask(StringBuilder text) {
        boolean masked = false;
        for (String value : VALUES) {
            for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 4)) {
                text.replace(at, at + value.length(), "****");
                masked = true;
            }
        }
        return masked;
    }
}
