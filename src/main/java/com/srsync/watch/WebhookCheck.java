package com.srsync.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The {@code webhook} health check: DOWN while the webhook looks silent, the hook's record says it is not
 * active or failing, or the service's own answers near ShotGrid's limit; UNKNOWN while the hook's record
 * cannot be read (and nothing else is wrong); UP otherwise. Neither readiness nor liveness: a balancer must
 * not take the service out for it, or more deliveries would fail.
 */
public final class WebhookCheck extends AbstractHealthCheck {
    private final WebhookSilence silence;
    private final WebhookAnswers answers;
    private final HookRecord record;

    /** @param silence null without the event log; @param record null without SHOTGRID_WEBHOOK_WATCH */
    public WebhookCheck(WebhookSilence silence, WebhookAnswers answers, HookRecord record) {
        super("srsync", "webhook");
        this.silence = silence;
        this.answers = answers;
        this.record = record;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    /** What is wrong now, in words: silence, the hook's record, our own answers. Empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (silence != null && silence.problem() != null) problems.add(silence.problem());
        if (record != null && record.problem() != null) problems.add(record.problem());
        if (answers.problem() != null) problems.add(answers.problem());
        return problems;
    }

    /** Why the hook's own state is not known, or null. */
    public String unknown() {
        return record == null ? null : record.unknown();
    }

    /** The numbers: time since the last delivery, failed answers in 24 hours, events that came only through the log. */
    public Map<String, Object> figures() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("seconds_since_last_delivery", answers.secondsSinceLastDelivery());
        out.put("failed_answers_last_day", answers.failedLastDay());
        if (silence != null) out.put("missed_events", silence.missedTotal());
        return out;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        figures().forEach(builder::detail);
        List<String> problems = problems();
        if (!problems.isEmpty()) builder.down().message(String.join("; ", problems));
        else if (unknown() != null) builder.unknown().message(unknown());
        else builder.up();
    }
}
