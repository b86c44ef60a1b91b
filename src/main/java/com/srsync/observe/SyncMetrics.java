package com.srsync.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The service's meters, named like a controller's (Prometheus names in brackets):
 * reconciles by outcome [srsync_reconcile_total], their duration [srsync_reconcile_duration_seconds],
 * failed reconciles by stage [srsync_reconcile_errors_total], planned operations by action
 * [srsync_plan_operations_total], writes by action and result [srsync_writes_total], write retries
 * [srsync_write_retries_total], webhook deliveries by result [srsync_webhook_deliveries_total], events by
 * relevance [srsync_events_total], dead letters written [srsync_dead_letters_written_total] and held
 * [srsync_dead_letters], skipped artists [srsync_skipped_artists_total], delete-guard blocks
 * [srsync_delete_guard_blocked_total], and queue gauges [srsync_debounce_waiting, srsync_reconcile_queue,
 * srsync_reconcile_retry_waiting], and the delivery state: artists' places on jobs by state
 * [srsync_delivery_artists{state}] and offline agents [srsync_delivery_agents_offline]. Never a secret, never an unbounded label.
 */
public final class SyncMetrics {
    private final Supplier<MeterRegistry> source;
    private final java.util.List<Runnable> gauges = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<java.util.function.Function<MeterRegistry, io.micrometer.core.instrument.Meter>> leaderGauges =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<io.micrometer.core.instrument.Meter> leaderMeters = new java.util.ArrayList<>();
    private volatile MeterRegistry registry;
    private boolean started;
    private boolean leading;

    /** @param source the registry that /observe/metrics serves; looked up on first use, since it may be made after this */
    public SyncMetrics(Supplier<MeterRegistry> source) {
        this.source = source;
    }

    private MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            r = source.get();
            if (r == null) r = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();   // before start: counted, not served
            else registry = r;
        }
        return r;
    }

    /**
     * {@code GET /observe/metrics} on the public port (routes/observe.yaml, behind the admin token): the
     * Prometheus text of the registry camel-micrometer-prometheus serves. (With MANAGEMENT_PORT set, Camel's
     * own endpoint serves it there instead.)
     */
    public String scrape() {
        if (registry() instanceof io.micrometer.prometheusmetrics.PrometheusMeterRegistry prometheus) return prometheus.scrape();
        throw new IllegalStateException("the metrics registry is not started yet");
    }

    /** Registers the gauges once the served registry exists (at start-up); the leader's too, if this replica leads. */
    public synchronized void start() {
        gauges.forEach(Runnable::run);
        started = true;
        leading(leading);
    }

    /**
     * This replica started or stopped leading: the leader's gauges (what only the leader refreshes: the delivery
     * state, the webhook watch) are served while it leads and absent otherwise, so a standby's scrape never keeps
     * an alert firing for the leader's view.
     */
    public synchronized void leading(boolean leads) {
        leading = leads;
        if (!started) return;
        MeterRegistry r = registry();
        leaderMeters.forEach(r::remove);
        leaderMeters.clear();
        if (leads) for (var g : leaderGauges) leaderMeters.add(g.apply(r));
    }

    /** A gauge of the leader's view: served only while this replica leads. */
    public void leaderGauge(String name, String help, Supplier<Number> value) {
        leaderGauges.add(r -> io.micrometer.core.instrument.Gauge.builder(name, value).description(help).strongReference(true).register(r));
    }

    /** A gauge of the leader's view with one tag of a fixed, small set of values. */
    public void leaderGauge(String name, String help, String tag, String tagValue, Supplier<Number> value) {
        leaderGauges.add(r -> io.micrometer.core.instrument.Gauge.builder(name, value).description(help).tag(tag, tagValue)
                .strongReference(true).register(r));
    }

    private Counter counter(String name, String help, String... tags) {
        return Counter.builder(name).description(help).tags(tags).register(registry());
    }

    /** @param outcome written, no_change, failed_writes, blocked, dry_run or left_alone */
    public void reconciled(String outcome, Duration took) {
        counter("srsync.reconcile", "Reconciles that ended, by outcome", "outcome", outcome).increment();
        Timer.builder("srsync.reconcile.duration").description("How long reconciles took, by outcome").tag("outcome", outcome)
                .register(registry()).record(took);
    }

    /** @param stage read (stopped before writing) or write (a write was dead-lettered) */
    public void reconcileError(String stage) {
        counter("srsync.reconcile.errors", "Reconciles that failed, by stage (read: before any write; write: a write was dead-lettered)", "stage", stage).increment();
    }

    public void planned(String action, int count) {
        if (count > 0) counter("srsync.plan.operations", "Operations planned, by action", "action", action).increment(count);
    }

    /** @param result ok or failed */
    public void wrote(String action, String result) {
        counter("srsync.writes", "Resilio writes, by action and result", "action", action, "result", result).increment();
    }

    public void writeRetried() {
        counter("srsync.write.retries", "Resilio writes tried again after a passing failure").increment();
    }

    /** @param result accepted, repeat, unauthorized or malformed */
    public void webhook(String result, int deliveries) {
        Counter c = counter("srsync.webhook.deliveries", "Webhook deliveries and requests, by result", "result", result);
        c.increment(Math.max(1, deliveries));
    }

    /** @param relevance relevant or ignored */
    public void event(String relevance) {
        counter("srsync.events", "ShotGrid events taken, by whether they can change a plan", "relevance", relevance).increment();
    }

    /** Events not published on the event stream for extensions (their projects are still reconciled), by reason. */
    public void eventsDropped(String reason, int count) {
        if (count > 0) counter("srsync.events.dropped", "Events not published for extensions (their projects still reconciled), by reason", "reason", reason).increment(count);
    }

    public void deadLettered() {
        counter("srsync.dead.letters.written", "Writes that still failed after their retries").increment();
    }

    public void skippedArtists(int count) {
        if (count > 0) counter("srsync.skipped.artists", "Artists left out of plans (not in artists.yaml, agent not usable)").increment(count);
    }

    public void guardBlocked() {
        counter("srsync.delete.guard.blocked", "Reconciles the delete guard held back").increment();
    }

    /** A gauge read when scraped, registered at {@link #start()}; {@code help} is its HELP text. */
    public void gauge(String name, String help, Supplier<Number> value) {
        gauges.add(() -> io.micrometer.core.instrument.Gauge.builder(name, value).description(help).strongReference(true).register(registry()));
    }

    /** A gauge with one tag of a fixed, small set of values. */
    public void gauge(String name, String help, String tag, String tagValue, Supplier<Number> value) {
        gauges.add(() -> io.micrometer.core.instrument.Gauge.builder(name, value).description(help).tag(tag, tagValue)
                .strongReference(true).register(registry()));
    }
}
