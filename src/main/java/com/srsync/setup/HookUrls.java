package com.srsync.setup;

import java.net.URI;
import java.util.List;
import java.util.function.Predicate;

/** Which webhook addresses are this service's: PUBLIC_URL followed by one of the paths it takes deliveries on. */
public final class HookUrls {
    /** The paths this service takes deliveries on (the old tool's two as well). */
    public static final List<String> PATHS = List.of("/webhooks/shotgrid", "/shot_status_webhook", "/assignment_webhook");

    private HookUrls() {}

    /** PUBLIC_URL without a trailing slash. */
    public static String base(URI publicUrl) {
        String s = publicUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The address a hook made by this service gets. */
    public static String delivery(String base) {
        return base + PATHS.get(0);
    }

    /**
     * True for a hook's address that is this service's: PUBLIC_URL followed by one of its paths when PUBLIC_URL is set;
     * without it, any address whose path is one of them (the watch, which may run without PUBLIC_URL).
     */
    public static Predicate<String> ours(URI publicUrl) {
        if (publicUrl == null) return url -> url != null && PATHS.stream().anyMatch(p -> url.endsWith(p) || url.contains(p + "?"));
        String base = base(publicUrl);
        return url -> {
            String u = url == null ? "" : url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return PATHS.stream().anyMatch(p -> u.equalsIgnoreCase(base + p));
        };
    }
}
