package com.srsync.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A credential that never shows itself in logs, exceptions or reports: {@code toString()} is masked. */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Null for a missing or blank value. */
    public static Secret of(String value) {
        return value == null || value.isBlank() ? null : new Secret(value.trim());
    }

    /** The value, for the one place that sends it: an Authorization header or a login form. */
    public String reveal() {
        return value;
    }

    /** Compares in constant time. */
    public boolean matches(String candidate) {
        if (candidate == null) return false;
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "****";
    }
}
