package com.srsync.watch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The {@code webhook} health check: DOWN while the webhook looks silent, ShotGrid announced a status other
 * than active, the hook's record says it is not active or failing, or the service's own answers near
 * ShotGrid's limit; UNKNOWN while the hook's record cannot be read (and nothing else is wrong); UP otherwise,
 * with warnings in words (requests refused for their signature). A standby watches nothing (the leader gets
 * the deliveries): UP, saying so. Neither readiness nor liveness: a balancer must not take the service out
 * for it, or more deliveries would fail.
 */
public final class WebhookCheck extends AbstractHealthCheck {
    private final WebhookSilence silence;
    private final WebhookAnswers answers;
    private final HookAnnouncements announcements;
    private final HookRecord record;
    private final BooleanSupplier standby;

    /**
     * @param silence null without the event log
     * @param record  null without SHOTGRID_WEBHOOK_WATCH
     * @param standby true while another replica leads
     */
    public WebhookCheck(WebhookSilence silence, WebhookAnswers answers, HookAnnouncements announcements, HookRecord record,
                        BooleanSupplier standby) {
        super("srsync", "webhook");
        this.silence = silence;
        this.answers = answers;
        this.announcements = announcements;
        this.record = record;
        this.standby = standby;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    /** What is wrong now, in words: silence, an announced status, the hook's record, our own answers. Empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (standby.getAsBoolean()) return problems;
        if (silence != null && silence.problem() != null) problems.add(silence.problem());
        if (announcements.problem() != null) problems.add(announcements.problem());
        if (record != null && record.problem() != null) problems.add(record.problem());
        if (answers.problem() != null) problems.add(answers.problem());
        return problems;
    }

    /** What is worth saying but is no alarm (anyone can cause it): requests refused for their signature. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (standby.getAsBoolean()) return warnings;
        if (answers.warning() != null) warnings.add(answers.warning());
        if (record != null) warnings.addAll(record.warnings());
        return warnings;
    }

    /** Why the hook's own state is not known, or null. */
    public String unknown() {
        return record == null || standby.getAsBoolean() ? null : record.unknown();
    }

    /** The numbers: time since the last delivery, failed answers and refused requests in 24 hours, events that came only through the log. */
    public Map<String, Object> figures() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seconds_since_last_delivery", answers.secondsSinceLastDelivery());
        out.put("failed_answers_last_day", answers.failedLastDay());
        out.put("refused_signature_last_day", answers.refusedLastDay("signature"));
        out.put("refused_not_a_delivery_last_day", answers.refusedLastDay("shape"));
        if (silence != null) out.put("missed_events", silence.missedTotal());
        return out;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (standby.getAsBoolean()) {
            builder.up().message("standby: the replica that leads takes and watches the webhook");
            return;
        }
        figures().forEach(builder::detail);
        List<String> problems = problems();
        List<String> warnings = warnings();
        if (!problems.isEmpty()) {
            List<String> all = new ArrayList<>(problems);
            all.addAll(warnings);
            builder.down().message(String.join("; ", all));
        } else if (unknown() != null) {
            builder.unknown().message(unknown());
        } else if (!warnings.isEmpty()) {
            builder.up().message(String.join("; ", warnings));
        } else {
            builder.up();
        }
    }
}
