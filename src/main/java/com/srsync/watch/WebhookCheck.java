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

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("failed_answers_last_day", answers.failedLastDay());
        builder.detail("seconds_since_last_delivery", answers.secondsSinceLastDelivery());
        if (silence != null) builder.detail("missed_events", silence.missedTotal());
        List<String> problems = new ArrayList<>();
        if (silence != null && silence.problem() != null) problems.add(silence.problem());
        if (record != null && record.problem() != null) problems.add(record.problem());
        if (answers.problem() != null) problems.add(answers.problem());
        if (!problems.isEmpty()) builder.down().message(String.join("; ", problems));
        else if (record != null && record.unknown() != null) builder.unknown().message(record.unknown());
        else builder.up();
    }
}
