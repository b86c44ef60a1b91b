package com.srsync.routefiles;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * {@code /observe/health} shows files that were refused (route files as {@code route-files},
 * artists.yaml as {@code artists-file}): down, naming each file and why, until a good
 * version is saved. Neither readiness nor liveness: the service keeps working on the last good version
 * of each file, so it should neither be restarted nor taken out of a load balancer for it.
 */
public final class RefusedFilesCheck extends AbstractHealthCheck {
    private final String what;
    private final Supplier<Map<String, String>> refused;

    /** @param id the check's name ({@code route-files}, {@code artists-file}); @param refused file name to reason */
    public RefusedFilesCheck(String id, String what, Supplier<Map<String, String>> refused) {
        super("srsync", id);
        this.what = what;
        this.refused = refused;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Map<String, String> now = new java.util.TreeMap<>(refused.get());
        if (now.isEmpty()) {
            builder.up();
            return;
        }
        StringBuilder message = new StringBuilder();
        now.forEach((file, why) -> message.append(message.isEmpty() ? "" : "; ").append(file).append(": ").append(why));
        builder.down().message(message + " (" + what + ")");
    }
}
