package com.srsync.app;

import com.srsync.observe.MeterDescriptions;
import com.srsync.observe.SnakeCaseLabels;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.srsync.cluster.Leadership;
import com.srsync.config.ServiceSettings;
import com.srsync.durable.DataDirWrites;
import com.srsync.http.Upstreams;
import com.srsync.observe.ProblemCheck;
import com.srsync.observe.ReadinessCheck;
import com.srsync.observe.SyncMetrics;
import com.srsync.observe.UpstreamHealth;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/** The meter registry /observe/metrics serves, what the upstreams answered, and the checks of /observe/health that need no other bean. */
final class ObservabilityBeans {
    /**
     * The routes every webhook delivery passes through, each event once or more: Camel's per-route timer
     * formats a property name twice per exchange, which cost the webhook path about a twentieth of its rate
     * (docs/performance.md). Their counts are in srsync_webhook_deliveries_total and srsync_events_total.
     */
    static final String UNTIMED_ROUTES = "webhook-intake,publish-events,event-triggers,debounce";

    private ObservabilityBeans() {}

    /**
     * The registry camel-micrometer-prometheus serves (it takes one bound as "metricsRegistry"), made now so that
     * every meter - Camel's too, which it names when it registers them - has snake_case label names and a HELP text,
     * as Prometheus' lint asks.
     */
    private static void snakeCaseLabels(Registry registry) {
        MeterRegistry found = registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        MeterRegistry meters = found != null ? found : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        if (found == null) registry.bind("metricsRegistry", meters);
        meters.config().namingConvention(new SnakeCaseLabels(meters.config().namingConvention()));
        meters.config().meterFilter(new MeterDescriptions());                    // and a HELP text each
    }

    private static void excludeHotRoutesFromRouteTimers(CamelContext context) {
        try {
            context.addStartupListener(new org.apache.camel.StartupListener() {
                @Override
                public void onCamelContextStarting(CamelContext ctx, boolean alreadyStarted) {
                    for (var factory : ctx.getRoutePolicyFactories()) {
                        if (factory instanceof org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory micrometer) {
                            micrometer.getPolicyConfiguration().setExcludePattern(UNTIMED_ROUTES);
                        }
                    }
                }

                @Override
                public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot register a start-up listener", e);
        }
    }

    static SyncMetrics bind(CamelContext context, Beans beans, ServiceSettings settings, Clock clock) {
        Registry registry = context.getRegistry();
        snakeCaseLabels(registry);
        // camel-micrometer-prometheus serves the registry it binds as "metricsRegistry"
        SyncMetrics metrics = beans.bind(new SyncMetrics(() -> registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class)));
        StartListener.once(context, ctx -> metrics.start());
        UpstreamHealth health = beans.bind(new UpstreamHealth(clock));
        beans.bind("shotgridReadiness", ReadinessCheck.upstream(health, Upstreams.SHOTGRID));
        beans.bind("resilioReadiness", ReadinessCheck.upstream(health, Upstreams.RESILIO));
        // stale after three safety-net periods without one good reconcile (at least 30 minutes)
        Duration stale = settings.reconcile().safetyNetInterval().multipliedBy(3);
        beans.bind("reconcileReadiness", ReadinessCheck.reconcileFreshness(health,
                stale.compareTo(Duration.ofMinutes(30)) < 0 ? Duration.ofMinutes(30) : stale, () -> {
                    Leadership leadership = beans.get(Leadership.class);
                    return leadership != null && !leadership.isLeader();
                }));
        excludeHotRoutesFromRouteTimers(context);
        DataDirWrites dataDir = beans.bind(new DataDirWrites());
        beans.bind("dataDirCheck", new ProblemCheck("data-dir", dataDir::problem, () -> false));
        return metrics;
    }
}
