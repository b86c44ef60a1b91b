package com.srsync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.delivery.ConsoleReadings;
import com.srsync.delivery.DeliveryBoard;
import com.srsync.delivery.DeliveryJson;
import com.srsync.delivery.DeliveryState;
import com.srsync.delivery.DeliveryWriteBack;
import com.srsync.delivery.JobNaming;
import com.srsync.resilio.AgentList;
import com.srsync.watch.HookRecord;
import com.srsync.watch.WebhookAnswers;
import com.srsync.watch.WebhookCheck;
import com.srsync.watch.WebhookSilence;
import com.srsync.cluster.LeaderOnlyPolicy;
import com.srsync.cluster.LeaderPodLabel;
import com.srsync.cluster.Leadership;
import com.srsync.config.ArtistsConfig;
import com.srsync.config.ArtistsFile;
import com.srsync.config.ArtistsFileLoader;
import com.srsync.config.Secret;
import com.srsync.config.ServiceSettings;
import com.srsync.eventlog.CursorStore;
import com.srsync.eventlog.EventLogPoller;
import com.srsync.events.EventQueueBudget;
import com.srsync.events.OverflowTriggers;
import com.srsync.events.RecentEvents;
import com.srsync.events.ShotGridEvent;
import com.srsync.failure.DeadLetterStore;
import com.srsync.logging.MaskedValues;
import com.srsync.failure.WriteAttempts;
import com.srsync.failure.WriteRetries;
import com.srsync.http.HttpLimits;
import com.srsync.http.HttpMethodConverter;
import com.srsync.http.PublicHeaderFilterStrategy;
import com.srsync.http.ResilioTls;
import com.srsync.http.Upstreams;
import com.srsync.loop.ReconcileAdmission;
import com.srsync.loop.ReconcileQueue;
import com.srsync.loop.WriteFence;
import com.srsync.loop.RunHistory;
import com.srsync.loop.ReconcileRetries;
import com.srsync.loop.ReconcileRuns;
import com.srsync.loop.ReconcileTargets;
import com.srsync.observe.HealthReport;
import com.srsync.routefiles.AdminRouteGuard;
import com.srsync.routefiles.RouteFileReloader;
import com.srsync.routefiles.RefusedFilesCheck;
import com.srsync.observe.ReadinessCheck;
import com.srsync.observe.SyncMetrics;
import com.srsync.observe.UpstreamCalls;
import com.srsync.observe.UpstreamHealth;
import com.srsync.reconcile.DeleteGuard;
import com.srsync.reconcile.Reconciler;
import com.srsync.resilio.JobChecks;
import com.srsync.resilio.JobJson;
import com.srsync.resilio.RecentJobList;
import com.srsync.shotgrid.ShotGridPaging;
import com.srsync.shotgrid.ShotGridQueries;
import com.srsync.shotgrid.ShotGridToken;
import com.srsync.shotgrid.SnapshotAssembly;
import com.srsync.trigger.DebounceWindow;
import com.srsync.trigger.EventTriggers;
import com.srsync.webhook.DeliveryParser;
import com.srsync.webhook.SignatureVerifier;
import com.srsync.webhook.WebhookIntake;
import io.micrometer.core.instrument.MeterRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.beans.Introspector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.Configuration;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every bean the routes call, once, from the validated settings and artists.yaml, and binds
 * each under its class's name in lower camel case ({@code ref: jobJson} is a {@link JobJson}), so a
 * {@code ref:} in {@code routes/*.yaml} greps to its class. The few library objects are bound under
 * the name of their purpose ({@code resilioTls}, {@code resilioHostnames}). A setting or artists.yaml
 * that is wrong stops start-up here, with a message naming it.
 */
@Configuration
public class SyncConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SyncConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        ServiceSettings settings = ServiceSettings.from(name -> properties.resolveProperty(ServiceSettings.propertyKey(name)));
        hideFromTheLog(settings);
        // the routes read the site and console roots as placeholders: hand them over without a trailing slash
        properties.addOverrideProperty("shotgrid.url", settings.shotgridUrl().toString());
        properties.addOverrideProperty("resilio.url", settings.resilioUrl().toString());
        // the status page may be framed by this ShotGrid site only (its Action Menu Item opens the page in a panel)
        properties.addOverrideProperty("ui.frame.ancestors", origin(settings.shotgridUrl()));
        // an https console is trusted as RESILIO_CA_CERT / RESILIO_TLS_INSECURE say (camel-http would take these options to mean https)
        properties.addOverrideProperty("delivery.poll.enabled", String.valueOf(!settings.deliveryPollInterval().isZero()));   // resilio.yaml
        properties.addOverrideProperty("resilio.tls", "https".equals(settings.resilioUrl().getScheme())
                ? "?sslContextParameters=#resilioTls&x509HostnameVerifier=#resilioHostnames" : "");
        ArtistsConfig artists = ArtistsFileLoader.load(settings.artistsFile());
        Beans beans = new Beans(context.getRegistry());
        ArtistsFile rules = beans.bind(new ArtistsFile(settings.artistsFile(), settings.activeStatuses(), artists));   // live: triggers.yaml
        beans.bind("artistsFileCheck", new RefusedFilesCheck("artists-file", "the configuration in force stays", rules::refused));
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = new ObjectMapper();
        warnAbout(settings, artists);

        beans.bind(settings);
        SyncMetrics metrics = observability(context, beans, settings, clock);
        Upstreams upstreams = beans.bind(new Upstreams(settings.shotgridUrl(), settings.resilioUrl()));
        beans.bind(new UpstreamCalls(upstreams, beans.get(UpstreamHealth.class)));   // inside camel-http's client: httpLimits
        calls(beans, settings, rules, mapper, clock);
        context.getTypeConverterRegistry().addTypeConverter(HttpMethods.class, String.class, new HttpMethodConverter());   // CamelHttpMethod
        Leadership leadership = replicas(context, beans, settings, properties, metrics);
        reconcileLoop(beans, settings, rules, mapper, clock, metrics, upstreams, leadership);
        delivery(beans, settings, mapper, clock);
        parallelReads(context, settings);
        triggers(beans, settings, mapper, clock, metrics);
        admin(context, beans, settings, mapper);
        gauges(metrics, beans, settings);
        routeFiles(context, beans, properties);

        LOG.info("Syncing ShotGrid {} to Resilio {} for {} artists; active shot statuses {}{}", settings.shotgridUrl(),
                settings.resilioUrl(), artists.artists().size(), settings.activeStatuses(), settings.dryRun() ? "; DRY RUN: nothing is written" : "");
    }

    /** scheme://host[:port] of a URL: what a Content-Security-Policy source names. */
    private static String origin(java.net.URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** What the ShotGrid and Resilio routes call: queries, paging, the token, mapping, TLS and limits of camel-http. */
    private static void calls(Beans beans, ServiceSettings settings, ArtistsFile rules, ObjectMapper mapper, Clock clock) {
        beans.bind(new ShotGridQueries(settings.activeStatuses()));
        beans.bind(new ShotGridPaging(mapper));
        beans.bind(new ShotGridToken(settings.shotgridScriptName(), settings.shotgridApiKey(), clock));
        beans.bind(new SnapshotAssembly(rules::rules));
        beans.bind(new JobJson(mapper));
        beans.bind(new JobChecks());
        beans.bind(new RecentJobList(clock, settings.resilioJobsReuse()));   // RESILIO_JOBS_REUSE_MS
        beans.bind("resilioTls", ResilioTls.parameters(settings.resilioCaCert(), settings.resilioTlsInsecure()));
        beans.bind("resilioHostnames", ResilioTls.hostnames(settings.resilioTlsInsecure()));
        beans.bind(new HttpLimits(settings.callDeadline(), settings.maxResponseBytes(), beans.get(UpstreamCalls.class)));   // camel.component.http(s).http-client-configurer
        beans.bind(new ScatterGather());                                     // every multicast that reads at once
        beans.bind(new PublicHeaderFilterStrategy());                        // camel.component.platform-http.header-filter-strategy
    }

    /**
     * The threads of the multicasts that read at once ({@code executorService: parallelReads} in
     * reconcile.yaml and shotgrid.yaml): four ShotGrid searches per reconcile, RECONCILE_CONCURRENCY
     * reconciles. Camel's default (10 threads an EIP) queued the third and fourth workers' searches
     * behind the others: measured, a full pass of 100 projects took 7.6 s with 4 workers instead of 5.8 s.
     */
    private static void parallelReads(CamelContext context, ServiceSettings settings) {
        int threads = 4 * settings.reconcileConcurrency();
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("parallelReads")
                .poolSize(threads).maxPoolSize(threads).maxQueueSize(1000).allowCoreThreadTimeOut(true)
                .keepAliveTime(60L, TimeUnit.SECONDS).build());
    }

    /** The plan and the reconcile loop's bookkeeping: queue, permits and fence, runs, retries, dead letters. */
    private static void reconcileLoop(Beans beans, ServiceSettings settings, ArtistsFile rules, ObjectMapper mapper, Clock clock,
                                      SyncMetrics metrics, Upstreams upstreams, Leadership leadership) {
        beans.bind(new Reconciler(rules::rules, new DeleteGuard(settings.deleteGuardFraction(), settings.deleteGuardMin())));
        beans.bind(new ReconcileTargets());
        DeadLetterStore deadLetters = beans.bind(new DeadLetterStore(settings.dataDir(), mapper, clock, upstreams));
        ReconcileRetries retries = beans.bind(new ReconcileRetries(settings.reconcileRetryMax(), settings.reconcileRetryDelay(),
                settings.safetyNetInterval()));
        RunHistory history = beans.bind(new RunHistory(500, clock));       // GET /admin/runs
        WriteAttempts attempts = new WriteAttempts();
        beans.bind(new ReconcileRuns(deadLetters, retries, metrics, beans.get(UpstreamHealth.class), upstreams, history, attempts));
        ReconcileQueue queue = beans.bind(new ReconcileQueue(settings.safetyNetInterval()));
        beans.bind("reconcileBacklog", queue.backlog());                 // seda:reconcile?queue=#reconcileBacklog
        beans.bind(new ReconcileAdmission(queue, leadership, settings.reconcileConcurrency()));
        beans.bind(new WriteFence(leadership));                               // resilio.yaml, apply.yaml: right before each write
        // errors.yaml: a failed write is tried again in line only when the wait is at most 2 s; a longer one re-plans the project
        beans.bind(new WriteRetries(attempts, metrics, settings.retryMaxRedeliveries(), settings.retryDelay(), settings.retryMaxDelay(),
                Duration.ofSeconds(2), Duration.ofMinutes(10)));
    }

    /** What the webhook watch tells the intake: every valid delivery's events. */
    private record WebhookWatch(WebhookSilence silence, HookRecord record) {
        void arrived(List<ShotGridEvent> events) {
            if (silence != null) silence.arrived(events);
            if (record != null) record.statusChanges(events);
        }
    }

    /**
     * The watch on ShotGrid's webhook (routes/watch.yaml): the silence detector with the event log, our own
     * answers always, the hooks' record with SHOTGRID_WEBHOOK_WATCH; one health check, webhook, for all three.
     */
    private static WebhookWatch webhookWatch(Beans beans, ServiceSettings settings, Clock clock, SyncMetrics metrics) {
        WebhookSilence silence = settings.eventLogPollEnabled() ? beans.bind(new WebhookSilence(clock, settings.webhookSilenceGrace())) : null;
        WebhookAnswers answers = beans.bind(new WebhookAnswers(clock));      // errors.yaml, webhook-paths
        UpstreamHealth upstream = beans.get(UpstreamHealth.class);
        HookRecord record = settings.webhookWatch() ? beans.bind(new HookRecord(clock, settings.webhookRevive(),
                () -> answers.problem() == null && upstreamFine(upstream, Upstreams.SHOTGRID) && upstreamFine(upstream, Upstreams.RESILIO),
                "the Webhooks page of " + settings.shotgridUrl() + " (in the site's menu)")) : null;
        Leadership leadership = beans.get(Leadership.class);
        if (silence != null) leadership.onChange(leads -> { if (leads) silence.watchFrom(clock.instant()); });
        metrics.gauge("srsync.webhook.failed.answers.last.day", answers::failedLastDay);
        metrics.gauge("srsync.webhook.seconds.since.last.delivery", answers::secondsSinceLastDelivery);
        if (silence != null) metrics.gauge("srsync.webhook.missed.events", silence::missedTotal);
        WebhookCheck check = beans.bind("webhookCheck", new WebhookCheck(silence, answers, record));
        metrics.gauge("srsync.webhook.alarm", () -> check.problems().isEmpty() ? 0 : 1);
        return new WebhookWatch(silence, record);
    }

    /** The webhook watch for the status page: its figures, what is wrong, what is not known. */
    private static Supplier<Map<String, Object>> webhookSummary(WebhookCheck check) {
        return () -> {
            Map<String, Object> out = new java.util.LinkedHashMap<>(check.figures());
            out.put("problems", check.problems());
            if (check.unknown() != null) out.put("unknown", check.unknown());
            return out;
        };
    }

    private static boolean upstreamFine(UpstreamHealth health, String service) {
        UpstreamHealth.Outcome last = health.last(service);
        return last == null || last.problem() == null;
    }

    /**
     * The delivery state: the board the reconcile and the delivery poll (resilio.yaml) fill, and its JSON.
     * A poll makes at most 30 single reads (a written job's run, a run's agents), however many jobs there
     * are: at the default interval, the console's load stays flat.
     */
    private static void delivery(Beans beans, ServiceSettings settings, ObjectMapper mapper, Clock clock) {
        ConsoleReadings readings = new ConsoleReadings(mapper);
        beans.bind(new AgentList(clock, settings.resilioJobsReuse(), readings));   // resilio.yaml: the plan's agent checks
        Reconciler reconciler = beans.get(Reconciler.class);
        DeliveryBoard board = beans.bind(new DeliveryBoard(clock, settings.deliveryRefresh(), 30, new JobNaming(reconciler::rulesInForce),
                readings));
        beans.bind(new DeliveryJson(mapper, board));
        beans.bind(new DeliveryWriteBack(settings.shotgridDeliveryField(), () -> board.view(null), clock, Duration.ofMinutes(1), mapper));   // shotgrid.yaml
    }

    /**
     * Live edits of the route folder: adopted once the routes Camel Main loaded are running, then
     * read every routes.reload.interval.ms; refused files show in health as route-files.
     */
    private static void routeFiles(CamelContext context, Beans beans, PropertiesComponent properties) {
        beans.bind(new AdminRouteGuard());                    // an /admin route without the admin guard is refused at load
        Path dir = Path.of(properties.resolveProperty("routes.dir").orElse("routes"));
        RouteFileReloader reloader = beans.bind(new RouteFileReloader(context, dir));
        beans.bind("routeFilesCheck", new RefusedFilesCheck("route-files", "the routes of its last good version keep running", reloader::refused));
        if (!Boolean.parseBoolean(properties.resolveProperty("routes.reload.enabled").orElse("true"))) return;
        long every = Long.parseLong(properties.resolveProperty("routes.reload.interval.ms").orElse("1000"));
        onStart(context, ctx -> {
            var files = ctx.getExecutorServiceManager().newSingleThreadScheduledExecutor(reloader, "route-files");
            // adopting parses every file once: done off the start-up path, just after it
            files.execute(() -> {
                try {
                    reloader.adoptRunning();
                } catch (Exception e) {
                    LOG.error("Route folder {} cannot be read; edits are not taken until a restart: {}", dir, e.getMessage());
                }
            });
            files.scheduleWithFixedDelay(() -> {
                if (ctx.isStarted()) reloader.scan();
            }, every, every, TimeUnit.MILLISECONDS);
        });
    }

    /**
     * LEADER_ELECTION: which replica leads, on Camel's cluster service (none: this one). The routes
     * marked routePolicy: leaderOnly run only on the leader; routes/triggers.yaml's leader-takeover
     * reconciles every project when a replica becomes leader.
     */
    private static Leadership replicas(CamelContext context, Beans beans, ServiceSettings settings, PropertiesComponent properties,
                                       SyncMetrics metrics) {
        Leadership leadership = switch (settings.leaderElection()) {
            case "file" -> Leadership.on("file", fileLock(context, settings));
            case "kubernetes" -> kubernetesLease(context, beans, settings, metrics);
            default -> Leadership.alone();
        };
        properties.addOverrideProperty("leader.election.enabled", String.valueOf(leadership.isElected()));
        beans.bind(leadership);
        LeaderOnlyPolicy policy = beans.bind("leaderOnly", new LeaderOnlyPolicy(leadership));
        RecentJobList jobList = beans.get(RecentJobList.class);
        leadership.onChange(leads -> jobList.outdated());   // while another replica led, it wrote: its writes are not in our list
        metrics.gauge("srsync.leader", () -> leadership.isLeader() ? 1 : 0);
        metrics.gauge("srsync.leader.takeovers", leadership::takeovers);
        onStart(context, ctx -> {
            try {
                leadership.join();
            } catch (Exception e) {
                throw new IllegalStateException("LEADER_ELECTION=" + settings.leaderElection() + ": cannot join the election: " + e.getMessage(), e);
            }
            policy.startIfLeading();
        });
        return leadership;
    }

    /** Replicas on one host or a shared volume: a lock file in LEADER_ELECTION_DIR, checked every 2 s. */
    private static CamelClusterService fileLock(CamelContext context, ServiceSettings settings) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(replicaId());
        service.setRoot(settings.leaderElectionDir().toString());
        service.setAcquireLockDelay(1, TimeUnit.SECONDS);
        service.setAcquireLockInterval(2, TimeUnit.SECONDS);
        addService(context, service);
        return service;
    }

    /**
     * Replicas on Kubernetes: a coordination.k8s.io Lease named LEADER_ELECTION_LEASE in the pod's
     * namespace (the in-cluster service account; KUBERNETES_MASTER and friends outside a cluster).
     * Camel names the Lease "prefix-group": the name is split at its last '-' to give exactly that name
     * (one without '-' gets "-leader" appended). Lease 15 s, renewed within 10 s, tried every 2 s. The
     * candidates are the namespace's pods labelled app.kubernetes.io/name=shotgrid-resilio-sync (the
     * Deployment of deploy/kubernetes sets it): a replica whose pod lacks it never leads.
     */
    private static Leadership kubernetesLease(CamelContext context, Beans beans, ServiceSettings settings, SyncMetrics metrics) {
        String lease = settings.leaderElectionLease();
        int dash = lease.lastIndexOf('-');
        String prefix = dash > 0 ? lease.substring(0, dash) : lease;
        String group = dash > 0 ? lease.substring(dash + 1) : "leader";
        KubernetesClusterService service = new KubernetesClusterService();
        service.setId(replicaId());
        service.setPodName(replicaId());
        service.setLeaseResourceType(LeaseResourceType.Lease);
        service.setClusterLabels(Map.of("app.kubernetes.io/name", "shotgrid-resilio-sync"));   // the candidates: pods with this label
        service.setKubernetesResourceName(prefix);
        String namespace = podNamespace();
        if (namespace != null) service.setKubernetesNamespace(namespace);
        service.setLeaseDurationMillis(15_000);
        service.setRenewDeadlineMillis(10_000);
        service.setRetryPeriodMillis(2_000);
        addService(context, service);
        Leadership leadership = Leadership.on("kubernetes", service, group);
        KubernetesClient client = new KubernetesClientBuilder().build();
        LeaderPodLabel label = new LeaderPodLabel(client, namespace != null ? namespace : client.getNamespace(), replicaId(), Duration.ofSeconds(10));
        label.follow(leadership);
        metrics.gauge("srsync.leader.label.failures", label::failures);
        beans.bind("leaderLabelReadiness", ReadinessCheck.problem("leader-label", "leader label", label::problem,
                () -> Map.of("failures", label.failures())));
        return leadership;
    }

    /** The pod's namespace: its service account's, else KUBERNETES_NAMESPACE, else the client's default. */
    private static String podNamespace() {
        Path file = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
        try {
            if (java.nio.file.Files.isReadable(file)) return java.nio.file.Files.readString(file).trim();
        } catch (java.io.IOException e) {
            // the environment may say
        }
        String env = System.getenv("KUBERNETES_NAMESPACE");
        return env == null || env.isBlank() ? null : env.trim();
    }

    private static void addService(CamelContext context, Object service) {
        try {
            context.addService(service, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add " + service, e);
        }
    }

    /** This replica's name in the election: LEADER_ELECTION_ID, else the host name and process id. */
    private static String replicaId() {
        String id = System.getenv("LEADER_ELECTION_ID");
        if (id != null && !id.isBlank()) return id.trim();
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "replica";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    /** From webhooks and the event log to reconciles: intake, relevance, debounce, the poller. */
    private static void triggers(Beans beans, ServiceSettings settings, ObjectMapper mapper, Clock clock, SyncMetrics metrics) {
        EventQueueBudget budget = beans.bind(settings.eventQueueMaxBytes() == null ? EventQueueBudget.ofHeap()
                : new EventQueueBudget(settings.eventQueueMaxBytes()));
        metrics.gauge("srsync.event.queue.bytes", budget::usedBytes);
        // webhooks and the event log share one memory of events seen, so each is handled once
        RecentEvents recent = new RecentEvents(100_000);
        WebhookWatch watch = webhookWatch(beans, settings, clock, metrics);
        beans.bind(new WebhookIntake(new SignatureVerifier(settings.webhookSecret(), settings.webhookAllowUnsigned()),
                new DeliveryParser(mapper), recent, metrics, watch::arrived));
        Upstreams upstreams = beans.get(Upstreams.class);
        beans.bind(new EventLogPoller(new CursorStore(settings.dataDir(), mapper), recent, clock, Duration.ofMinutes(5),
                settings.eventLogStartId(), failure -> upstreams.describe(failure, null)));
        beans.bind(new EventTriggers(metrics));
        OverflowTriggers overflow = beans.bind(new OverflowTriggers(recent, metrics, clock, Duration.ofMinutes(1)));   // webhooks.yaml: never a 503 for room
        metrics.gauge("srsync.overflow.projects.waiting", overflow::waiting);
        beans.bind(new DebounceWindow(settings.debounce(), settings.maxDelay()));
    }

    private static void admin(CamelContext context, Beans beans, ServiceSettings settings, ObjectMapper mapper) {
        AdminGate gate = beans.bind(new AdminGate(settings.adminToken()));
        beans.bind(new HealthReport(context, authorization -> AdminGate.ALLOWED.equals(gate.decide(authorization)), mapper));
        ArtistsFile artists = beans.get(ArtistsFile.class);
        Reconciler reconciler = beans.get(Reconciler.class);
        beans.bind(new PlanJson(mapper, settings.dryRun(), beans.get(Upstreams.class), () -> {
            List<String> all = new ArrayList<>(artists.warnings());
            all.addAll(reconciler.agentWarnings());              // an agent_name that differs from the console's
            return all;
        }));
        beans.bind(new JobListing(reconciler::rulesInForce, mapper));
        ProjectPictures pictures = beans.bind(new ProjectPictures(Clock.systemUTC()));   // reconcile.yaml; the page reads it
        beans.bind(new OverviewJson(mapper, pictures, beans.get(DeliveryBoard.class), beans.get(DeliveryJson.class), beans.get(RunHistory.class),
                beans.get(DeadLetterStore.class), reconciler::rulesInForce, beans.get(PlanJson.class),
                webhookSummary(beans.get(WebhookCheck.class))));
        beans.bind(new StatusPage());                                        // GET /ui, POST /ui/ami (routes/ui.yaml)
        beans.bind(new GroupedBodyAggregationStrategy());
        beans.bind(new ChatMessage());
    }

    /** The meter registry /observe/metrics serves, what the upstreams answered, and the readiness checks of /observe/health. */
    private static SyncMetrics observability(CamelContext context, Beans beans, ServiceSettings settings, Clock clock) {
        Registry registry = context.getRegistry();
        // camel-micrometer-prometheus serves the registry it binds as "metricsRegistry"
        SyncMetrics metrics = new SyncMetrics(() -> registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class));
        onStart(context, ctx -> metrics.start());
        beans.bind(metrics);
        UpstreamHealth health = beans.bind(new UpstreamHealth(clock));
        beans.bind("shotgridReadiness", ReadinessCheck.upstream(health, Upstreams.SHOTGRID));
        beans.bind("resilioReadiness", ReadinessCheck.upstream(health, Upstreams.RESILIO));
        // stale after three safety-net periods without one good reconcile (at least 30 minutes)
        Duration stale = settings.safetyNetInterval().multipliedBy(3);
        beans.bind("reconcileReadiness", ReadinessCheck.reconcileFreshness(health,
                stale.compareTo(Duration.ofMinutes(30)) < 0 ? Duration.ofMinutes(30) : stale, () -> {
                    Leadership leadership = registry.lookupByNameAndType("leadership", Leadership.class);
                    return leadership != null && !leadership.isLeader();
                }));
        return metrics;
    }

    private static void gauges(SyncMetrics metrics, Beans beans, ServiceSettings settings) {
        DebounceWindow debounce = beans.get(DebounceWindow.class);
        ReconcileQueue queue = beans.get(ReconcileQueue.class);
        ReconcileAdmission admission = beans.get(ReconcileAdmission.class);
        ReconcileRetries retries = beans.get(ReconcileRetries.class);
        DeadLetterStore deadLetters = beans.get(DeadLetterStore.class);
        metrics.gauge("srsync.debounce.waiting", debounce::waiting);
        metrics.gauge("srsync.reconcile.queue", queue::waiting);
        metrics.gauge("srsync.reconcile.running", admission::running);    // runs holding a permit, also while the console makes them wait
        metrics.gauge("srsync.reconcile.retry.waiting", retries::waiting);
        metrics.gauge("srsync.dead.letters", deadLetters::count);
        DeliveryBoard delivery = beans.get(DeliveryBoard.class);
        for (DeliveryState state : DeliveryState.values()) {
            metrics.gauge("srsync.delivery.artists", "state", state.word(), () -> delivery.view(null).artistsIn(state));
        }
        metrics.gauge("srsync.delivery.agents.offline", () -> delivery.view(null).offline().size());
        if (settings.eventLogPollEnabled()) {
            EventLogPoller eventLog = beans.get(EventLogPoller.class);
            metrics.gauge("srsync.eventlog.lag", eventLog::lag);
            metrics.gauge("srsync.eventlog.backlog", eventLog::backlogSize);
            metrics.gauge("srsync.eventlog.last.id", eventLog::lastId);
            beans.bind("eventLogReadiness", ReadinessCheck.eventLog(eventLog::problem, () -> Map.of(
                    "lag", eventLog.lag(), "backlog", eventLog.backlogSize(), "last_id", eventLog.lastId())));
        }
    }

    /**
     * Runs {@code action} once, when the context has started. (Camel calls a start-up listener again,
     * with alreadyStarted, each time a route is started later - a reloaded file, a new leader's routes.)
     */
    private static void onStart(CamelContext context, java.util.function.Consumer<CamelContext> action) {
        try {
            context.addStartupListener((ctx, alreadyStarted) -> {
                if (!alreadyStarted) action.accept(ctx);
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot register a start-up listener", e);
        }
    }

    /** Every credential, and the chat URL whose path is its secret, is printed as **** by the log's %masked pattern. */
    private static void hideFromTheLog(ServiceSettings settings) {
        for (Secret secret : new Secret[] {settings.shotgridApiKey(), settings.webhookSecret(), settings.resilioToken(), settings.adminToken()}) {
            if (secret != null) MaskedValues.hide(secret.reveal());
        }
        if (settings.notifyWebhookUrl() != null) MaskedValues.hideUrl(settings.notifyWebhookUrl().reveal());
    }

    private static void warnAbout(ServiceSettings settings, ArtistsConfig artists) {
        settings.warnings().forEach(LOG::warn);
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

    /** The registry, binding each bean under its class's name in lower camel case. */
    static final class Beans {
        private final Registry registry;

        Beans(Registry registry) {
            this.registry = registry;
        }

        <T> T bind(T bean) {
            return bind(Introspector.decapitalize(bean.getClass().getSimpleName()), bean);
        }

        <T> T bind(String name, T bean) {
            registry.bind(name, bean);
            return bean;
        }

        <T> T get(Class<T> type) {
            return registry.lookupByNameAndType(Introspector.decapitalize(type.getSimpleName()), type);
        }
    }
}
