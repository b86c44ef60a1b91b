package com.srsync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.cluster.LeaderScope;
import com.srsync.config.ArtistsFile;
import com.srsync.config.ServiceSettings;
import com.srsync.durable.DataDirWrites;
import com.srsync.eventlog.CursorStore;
import com.srsync.eventlog.EventLogPoller;
import com.srsync.events.EventQueueBudget;
import com.srsync.events.OverflowTriggers;
import com.srsync.events.RecentEvents;
import com.srsync.http.Upstreams;
import com.srsync.observe.ReadinessCheck;
import com.srsync.observe.SyncMetrics;
import com.srsync.trigger.DebounceWindow;
import com.srsync.trigger.EventTriggers;
import com.srsync.watch.WebhookAnswers;
import com.srsync.watch.WebhookArrivals;
import com.srsync.webhook.DeliveryParser;
import com.srsync.webhook.SignatureVerifier;
import com.srsync.webhook.WebhookIntake;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** From webhooks and the event log to reconciles: intake, the watch on it, relevance, debounce, the poller. */
final class TriggerBeans {
    private TriggerBeans() {}

    static void bind(Beans beans, ServiceSettings settings, ObjectMapper mapper, Clock clock, SyncMetrics metrics, LeaderScope scope) {
        EventQueueBudget budget = beans.bind(settings.webhooks().eventQueueMaxBytes() == null ? EventQueueBudget.ofHeap()
                : new EventQueueBudget(settings.webhooks().eventQueueMaxBytes()));
        metrics.gauge("srsync.event.queue.bytes", "Bytes the events waiting on the event queue take", budget::usedBytes);
        // webhooks and the event log share one memory of events seen, so each is handled once
        RecentEvents recent = new RecentEvents(100_000);
        BooleanSupplier perAssetMode = () -> beans.get(ArtistsFile.class).rules().assets().perAsset();
        WebhookArrivals arrivals = WatchBeans.bind(beans, settings, clock, metrics, scope, perAssetMode);
        beans.bind(new WebhookIntake(new SignatureVerifier(settings.webhooks().secret(), settings.webhooks().allowUnsigned()),
                new DeliveryParser(mapper), recent, metrics, beans.get(WebhookAnswers.class), arrivals, budget));
        Upstreams upstreams = beans.get(Upstreams.class);
        EventLogPoller poller = beans.bind(new EventLogPoller(new CursorStore(settings.dataDir(), mapper, beans.get(DataDirWrites.class)), recent,
                clock, Duration.ofMinutes(5), settings.eventLog().startId(), failure -> upstreams.describe(failure, null)));
        if (settings.eventLog().enabled()) {
            scope.hold("event log position", poller::forgetTerm);
            metrics.gauge("srsync.eventlog.lag", "Events in ShotGrid's event log after the poller's position", poller::lag);
            metrics.gauge("srsync.eventlog.backlog", "Event ids of recent gaps the poller still waits for", poller::backlogSize);
            metrics.gauge("srsync.eventlog.last.id", "The last event id the poller handled", poller::lastId);
            beans.bind("eventLogReadiness", ReadinessCheck.eventLog(poller::problem, () -> Map.of(
                    "lag", poller.lag(), "backlog", poller.backlogSize(), "last_id", poller.lastId())));
        }
        beans.bind(new EventTriggers(metrics, perAssetMode));
        OverflowTriggers overflow = beans.bind(new OverflowTriggers(recent, metrics, clock, Duration.ofMinutes(1)));   // webhooks.yaml: never a 503 for room
        metrics.gauge("srsync.overflow.projects.waiting", "Projects of deliveries the event queue had no room for, waiting for the debounce",
                overflow::waiting);
        beans.bind(new DebounceWindow(settings.reconcile().debounce(), settings.reconcile().maxDelay()));
    }
}
