package com.srsync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.config.ArtistsConfig;
import com.srsync.config.ArtistsFileLoader;
import com.srsync.config.ServiceSettings;
import com.srsync.events.RecentEvents;
import com.srsync.eventlog.CursorStore;
import com.srsync.eventlog.EventLogPoller;
import com.srsync.failure.DeadLetterStore;
import com.srsync.failure.ReconcileRetries;
import com.srsync.failure.RetryAfter;
import com.srsync.http.JsonHttp;
import com.srsync.http.TlsTrust;
import com.srsync.observe.ReadinessCheck;
import com.srsync.observe.SyncMetrics;
import com.srsync.observe.UpstreamHealth;
import com.srsync.reconcile.DeleteGuard;
import com.srsync.reconcile.Reconciler;
import com.srsync.reconcile.SyncRules;
import com.srsync.resilio.ResilioClient;
import com.srsync.resilio.ResilioJobs;
import com.srsync.shotgrid.AccessTokens;
import com.srsync.shotgrid.ShotGridClient;
import com.srsync.shotgrid.SnapshotReader;
import com.srsync.trigger.DebounceWindow;
import com.srsync.trigger.PendingReconciles;
import com.srsync.trigger.EventTriggers;
import com.srsync.webhook.DeliveryParser;
import com.srsync.webhook.SignatureVerifier;
import com.srsync.webhook.WebhookIntake;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every bean the routes call, once, from the validated settings and artists.yaml, and binds
 * them by the names the routes use (shotgrid, resilio, planner, targets, runs, adminGate, planJson,
 * collectPlans, webhooks, eventTriggers, debounce, pending, deadLetters, retryAfter, retries), plus
 * the meter registry that /observe/metrics serves and the readiness checks of /observe/health. A
 * setting or artists.yaml that is wrong stops start-up here, with a message naming it.
 */
@Configuration
public class SyncConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SyncConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        ServiceSettings settings = ServiceSettings.from(name -> properties.resolveProperty(ServiceSettings.propertyKey(name)));
        ArtistsConfig artists = ArtistsFileLoader.load(settings.artistsFile());
        SyncRules rules = artists.rules(settings.activeStatuses());
        ObjectMapper mapper = new ObjectMapper();
        Clock clock = Clock.systemUTC();
        warnAbout(settings, artists);
        Registry registry = context.getRegistry();

        // observability: camel-micrometer-prometheus serves the registry it binds as "metricsRegistry"
        SyncMetrics metrics = new SyncMetrics(() -> registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class));
        try {
            context.addStartupListener((ctx, alreadyStarted) -> metrics.start());
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the metrics start-up listener", e);
        }
        UpstreamHealth health = new UpstreamHealth(clock);

        // upstreams
        // HTTP/1.1: on plain http the JDK client would otherwise try an h2c upgrade, which proxies and
        // consoles handle unevenly; a few requests per reconcile gain nothing from HTTP/2.
        HttpClient shotgridHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JsonHttp shotgridJson = new JsonHttp("ShotGrid", shotgridHttp, settings.readTimeout(), mapper, health);
        var apiRoot = ShotGridClient.apiRoot(settings.shotgridUrl());
        AccessTokens tokens = new AccessTokens(apiRoot, settings.shotgridScriptName(), settings.shotgridApiKey(), shotgridJson, clock);
        ShotGridClient shotgridClient = new ShotGridClient(apiRoot, tokens, shotgridJson);
        SnapshotReader shotgrid = new SnapshotReader(shotgridClient, rules);
        HttpClient.Builder resilioHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout());
        if (settings.resilioTlsInsecure()) {
            resilioHttp.sslContext(TlsTrust.trustingAnything());
        } else if (settings.resilioCaCert() != null) {
            resilioHttp.sslContext(TlsTrust.trusting(settings.resilioCaCert()));
        }
        ResilioJobs resilio = new ResilioJobs(new ResilioClient(settings.resilioUrl(), settings.resilioToken(),
                new JsonHttp("Resilio", resilioHttp.build(), settings.readTimeout(), mapper, health)));
        registry.bind("settings", settings);
        registry.bind("shotgrid", shotgrid);
        registry.bind("resilio", resilio);

        // reconcile
        registry.bind("planner", new Reconciler(rules, new DeleteGuard(settings.deleteGuardFraction(), settings.deleteGuardMin())));
        registry.bind("targets", new ReconcileTargets(shotgrid, resilio));
        DeadLetterStore deadLetters = new DeadLetterStore(settings.dataDir(), mapper, clock);
        ReconcileRetries retries = new ReconcileRetries(settings.reconcileRetryMax(), settings.reconcileRetryDelay(),
                settings.safetyNetInterval());
        registry.bind("deadLetters", deadLetters);
        registry.bind("retries", retries);
        registry.bind("runs", new ReconcileRuns(deadLetters, retries, metrics, health));
        registry.bind("retryAfter", new RetryAfter(Duration.ofMinutes(10), metrics));

        // triggers: webhooks and the event log share one memory of events seen, so each is handled once
        RecentEvents recent = new RecentEvents(100_000);
        registry.bind("webhooks", new WebhookIntake(new SignatureVerifier(settings.webhookSecret(), settings.webhookAllowUnsigned()),
                new DeliveryParser(mapper), recent, metrics));
        EventLogPoller eventLog = new EventLogPoller(shotgridClient, new CursorStore(settings.dataDir(), mapper), recent, clock,
                Duration.ofMinutes(5), settings.eventLogStartId());
        registry.bind("eventLog", eventLog);
        registry.bind("eventTriggers", new EventTriggers(metrics));
        DebounceWindow debounce = new DebounceWindow(settings.debounce(), settings.maxDelay());
        PendingReconciles pending = new PendingReconciles(settings.safetyNetInterval());
        registry.bind("debounce", debounce);
        registry.bind("pending", pending);

        // admin
        registry.bind("adminGate", new AdminGate(settings.adminToken()));
        registry.bind("planJson", new PlanJson(mapper, settings.dryRun()));
        registry.bind("collectPlans", new GroupedBodyAggregationStrategy());
        registry.bind("chat", new ChatMessage());

        metrics.gauge("srsync.debounce.waiting", debounce::waiting);
        metrics.gauge("srsync.reconcile.queue", pending::size);
        metrics.gauge("srsync.reconcile.retry.waiting", retries::waiting);
        metrics.gauge("srsync.dead.letters", () -> deadLetters.list().size());
        if (settings.eventLogPollEnabled()) {
            metrics.gauge("srsync.eventlog.lag", eventLog::lag);
            metrics.gauge("srsync.eventlog.backlog", eventLog::backlogSize);
            metrics.gauge("srsync.eventlog.last.id", eventLog::lastId);
            registry.bind("eventLogReadiness", ReadinessCheck.eventLog(eventLog::problem, () -> java.util.Map.of(
                    "lag", eventLog.lag(), "backlog", eventLog.backlogSize(), "last_id", eventLog.lastId())));
        }
        registry.bind("shotgridReadiness", ReadinessCheck.upstream(health, "ShotGrid"));
        registry.bind("resilioReadiness", ReadinessCheck.upstream(health, "Resilio"));
        // stale after three safety-net periods without one good reconcile (at least 30 minutes)
        Duration stale = settings.safetyNetInterval().multipliedBy(3);
        registry.bind("reconcileReadiness", ReadinessCheck.reconcileFreshness(health,
                stale.compareTo(Duration.ofMinutes(30)) < 0 ? Duration.ofMinutes(30) : stale));

        LOG.info("Syncing ShotGrid {} to Resilio {} for {} artists; active shot statuses {}{}", settings.shotgridUrl(),
                settings.resilioUrl(), artists.artists().size(), settings.activeStatuses(), settings.dryRun() ? "; DRY RUN: nothing is written" : "");
    }

    private static void warnAbout(ServiceSettings settings, ArtistsConfig artists) {
        if (settings.resilioTlsInsecure()) {
            LOG.warn("RESILIO_TLS_INSECURE=true: the Resilio console's certificate and host name are NOT checked. "
                    + "Give its CA certificate with RESILIO_CA_CERT instead.");
        }
        if (settings.webhookAllowUnsigned()) {
            LOG.warn("WEBHOOK_ALLOW_UNSIGNED=true: webhooks are accepted without a signature. For trials only.");
        }
        if (settings.adminToken() == null) {
            LOG.info("ADMIN_TOKEN is not set: /admin endpoints answer 404.");
        }
        if (!artists.legacySettings().isEmpty()) {
            LOG.info("artists.yaml job_settings {} are accepted for compatibility with the old tool and have no effect.",
                    artists.legacySettings().keySet());
        }
    }
}
