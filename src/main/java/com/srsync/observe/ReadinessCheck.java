package com.srsync.observe;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A readiness check of {@code /observe/health}: an upstream ({@code shotgrid} for its login and
 * searches, {@code resilio} for the console) is down while its last call failed; {@code reconcile} is
 * down when no reconcile has succeeded for {@code staleAfter}. Not liveness: an outage upstream is no
 * reason to restart the service.
 */
public final class ReadinessCheck extends AbstractHealthCheck {
    private final UpstreamHealth health;
    private final String service;
    private final Duration staleAfter;
    private final java.util.function.Supplier<String> problem;
    private String subject;
    private java.util.function.Supplier<Map<String, Object>> details = Map::of;
    private java.util.function.BooleanSupplier standby = () -> false;

    private ReadinessCheck(String id, UpstreamHealth health, String service, Duration staleAfter, java.util.function.Supplier<String> problem) {
        super("srsync", id);
        this.health = health;
        this.service = service;
        this.staleAfter = staleAfter;
        this.problem = problem;
    }

    /** {@code eventlog}: down while the poller is stopped or its last read failed; its lag and backlog are in the message either way. */
    public static ReadinessCheck eventLog(java.util.function.Supplier<String> problem, java.util.function.Supplier<Map<String, Object>> details) {
        return problem("eventlog", "event log", problem, details);
    }

    /** {@code id}: down while {@code problem} says something is wrong (null: up), the message naming {@code subject}. */
    public static ReadinessCheck problem(String id, String subject, java.util.function.Supplier<String> problem,
                                         java.util.function.Supplier<Map<String, Object>> details) {
        ReadinessCheck check = new ReadinessCheck(id, null, null, null, problem);
        check.subject = subject;
        check.details = details;
        return check;
    }

    public static ReadinessCheck upstream(UpstreamHealth health, String service) {
        return new ReadinessCheck(service.toLowerCase(java.util.Locale.ROOT), health, service, null, null);
    }

    /** @param standby true while another replica leads: reconciles are its business, so this one is not stale */
    public static ReadinessCheck reconcileFreshness(UpstreamHealth health, Duration staleAfter, java.util.function.BooleanSupplier standby) {
        ReadinessCheck check = new ReadinessCheck("reconcile", health, null, staleAfter, null);
        check.standby = standby;
        return check;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (problem != null) {
            String state = details.get().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .sorted().reduce((a, b) -> a + ", " + b).orElse("");
            String p = problem.get();
            if (p == null) builder.up().message(state);
            else builder.down().message(subject + ": " + p + (state.isEmpty() ? "" : " (" + state + ")"));
            return;
        }
        if (service != null) {
            UpstreamHealth.Outcome last = health.last(service);
            if (last == null) {
                builder.up().message("no call yet");
            } else if (last.problem() == null) {
                builder.up().detail("last_answer", last.at().toString());
            } else {
                builder.down().message(service + ": " + last.problem()).detail("failed_at", last.at().toString());
            }
            return;
        }
        if (standby.getAsBoolean()) {
            builder.up().message("standby: another replica leads and reconciles");
            return;
        }
        Duration since = health.sinceGoodReconcile();
        builder.detail("seconds_since_good_reconcile", since.toSeconds());
        if (since.compareTo(staleAfter) > 0) {
            builder.down().message((health.anyReconcileSucceeded() ? "no reconcile has succeeded for " : "no reconcile has succeeded since start, ")
                    + since.toSeconds() + " s");
        } else {
            builder.up();
        }
    }
}
