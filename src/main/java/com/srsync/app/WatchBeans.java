package com.srsync.app;

import com.srsync.cluster.LeaderScope;
import com.srsync.cluster.Leadership;
import com.srsync.config.ServiceSettings;
import com.srsync.http.Upstreams;
import com.srsync.observe.SyncMetrics;
import com.srsync.observe.UpstreamHealth;
import com.srsync.watch.HookAnnouncements;
import com.srsync.watch.HookRecord;
import com.srsync.watch.WebhookAnswers;
import com.srsync.watch.WebhookArrivals;
import com.srsync.watch.WebhookCheck;
import com.srsync.watch.WebhookSilence;
import com.srsync.setup.HookGapWords;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The watch on ShotGrid's webhook (routes/watch.yaml): the silence detector with the event log, our own
 * answers and the status ShotGrid announces always, the hooks' record with SHOTGRID_WEBHOOK_WATCH; one health
 * check, {@code webhook}, for all of them. Every piece is leader-scoped, and so are its gauges.
 */
final class WatchBeans {
    private WatchBeans() {}

    /**
     * Binds the watch; returns what the webhook intake tells it of each delivery.
     *
     * @param perAsset true while artists.yaml says {@code assets: per_asset}: the Asset webhook is required then
     */
    static WebhookArrivals bind(Beans beans, ServiceSettings settings, Clock clock, SyncMetrics metrics, LeaderScope scope,
                                BooleanSupplier perAsset) {
        Leadership leadership = beans.get(Leadership.class);
        WebhookSilence silence = settings.eventLog().enabled()
                ? beans.bind(scope.hold("webhook silence", new WebhookSilence(clock, settings.webhooks().silenceGrace(),
                e -> WebhookSilence.requiredHookSends(e, perAsset.getAsBoolean())))) : null;
        WebhookAnswers answers = beans.bind(scope.hold("webhook answers", new WebhookAnswers(clock)));
        HookAnnouncements announcements = beans.bind(scope.hold("hook announcements", new HookAnnouncements()));
        UpstreamHealth upstream = beans.get(UpstreamHealth.class);
        HookRecord record = settings.webhooks().watch() ? beans.bind(scope.hold("hook record", new HookRecord(clock, settings.webhooks().revive(),
                () -> answers.problem() == null && upstreamFine(upstream, Upstreams.SHOTGRID) && upstreamFine(upstream, Upstreams.RESILIO),
                "the Webhooks page of " + settings.shotgrid().url() + " (in the site's menu)", announcements, perAsset,
                HookGapWords.waitFor(settings.eventLog().enabled())))) : null;
        WebhookCheck check = beans.bind("webhookCheck", new WebhookCheck(silence, answers, announcements, record, () -> !leadership.isLeader()));
        metrics.leaderGauge("srsync.webhook.failed.answers.last.day", "Answers to valid webhook deliveries in the last 24 hours that "
                + "ShotGrid counts as failed (not 2xx, or slower than 5 s)", answers::failedLastDay);
        metrics.leaderGauge("srsync.webhook.refused.last.day", "Webhook requests refused in the last 24 hours as no valid delivery, by reason",
                "reason", "signature", () -> answers.refusedLastDay("signature"));
        metrics.leaderGauge("srsync.webhook.refused.last.day", "Webhook requests refused in the last 24 hours as no valid delivery, by reason",
                "reason", "not_a_delivery", () -> answers.refusedLastDay("shape"));
        metrics.leaderGauge("srsync.webhook.seconds.since.last.delivery", "Seconds since the last valid webhook delivery; -1 when none came "
                + "since this replica leads", answers::secondsSinceLastDelivery);
        if (silence != null) metrics.leaderGauge("srsync.webhook.missed.events", "Covered events of the event log that never came by "
                + "webhook, since this replica leads", silence::missedTotal);
        metrics.leaderGauge("srsync.webhook.alarm", "1 while the webhook check says ShotGrid's webhook stopped or is failing",
                () -> check.problems().isEmpty() ? 0 : 1);
        return new WebhookArrivals(silence, announcements);
    }

    /** The webhook watch for the status page: its figures, what is wrong, what is worth saying, what is not known. */
    static Supplier<Map<String, Object>> summary(WebhookCheck check) {
        return () -> {
            Map<String, Object> out = new LinkedHashMap<>(check.figures());
            out.put("problems", check.problems());
            out.put("warnings", check.warnings());
            if (check.unknown() != null) out.put("unknown", check.unknown());
            return out;
        };
    }

    private static boolean upstreamFine(UpstreamHealth health, String service) {
        UpstreamHealth.Outcome last = health.last(service);
        return last == null || last.problem() == null;
    }
}
