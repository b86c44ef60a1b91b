package com.srsync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.config.ArtistsFile;
import com.srsync.config.ServiceSettings;
import com.srsync.http.HttpLimits;
import com.srsync.http.HttpMethodConverter;
import com.srsync.http.PublicHeaderFilterStrategy;
import com.srsync.http.ResilioTls;
import com.srsync.http.Upstreams;
import com.srsync.observe.UpstreamCalls;
import com.srsync.observe.UpstreamHealth;
import com.srsync.resilio.JobChecks;
import com.srsync.resilio.JobJson;
import com.srsync.resilio.RecentJobList;
import com.srsync.routefiles.AdminRouteGuard;
import com.srsync.shotgrid.ShotGridPaging;
import com.srsync.shotgrid.ShotGridQueries;
import com.srsync.shotgrid.ShotGridToken;
import com.srsync.shotgrid.SnapshotAssembly;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.http.HttpMethods;

/**
 * What the ShotGrid and Resilio routes call: queries, paging, the token, mapping, TLS and limits of camel-http,
 * the header filter of the public port, and the threads of the reads made at once.
 */
final class CallBeans {
    private CallBeans() {}

    static void bind(CamelContext context, Beans beans, ServiceSettings settings, ArtistsFile rules, ObjectMapper mapper, Clock clock) {
        Upstreams upstreams = beans.bind(new Upstreams(settings.shotgrid().url(), settings.console().url()));
        UpstreamCalls calls = beans.bind(new UpstreamCalls(upstreams, beans.get(UpstreamHealth.class)));   // inside camel-http's client: httpLimits
        beans.bind(new ShotGridQueries(settings.reconcile().activeStatuses(), settings.reconcile().activeAssetStatuses()));
        beans.bind(new ShotGridPaging(mapper));
        beans.bind(new ShotGridToken(settings.shotgrid().scriptName(), settings.shotgrid().apiKey(), clock));
        beans.bind(new SnapshotAssembly(rules::rules));
        beans.bind(new JobJson(mapper));
        beans.bind(new JobChecks());
        beans.bind(new RecentJobList(clock, settings.console().jobsReuse()));   // RESILIO_JOBS_REUSE_MS
        beans.bind("resilioTls", ResilioTls.parameters(settings.console().caCert(), settings.console().tlsInsecure()));
        beans.bind("resilioHostnames", ResilioTls.hostnames(settings.console().tlsInsecure()));
        beans.bind(new HttpLimits(settings.calls().callDeadline(), settings.calls().maxResponseBytes(), calls));   // camel.component.http(s).http-client-configurer
        beans.bind(new ScatterGather());                                     // every multicast that reads at once
        beans.bind(new PublicHeaderFilterStrategy());                        // camel.component.platform-http.header-filter-strategy
        beans.bind(new AdminRouteGuard());                                   // an /admin route without the admin guard is refused at load
        context.getTypeConverterRegistry().addTypeConverter(HttpMethods.class, String.class, new HttpMethodConverter());   // CamelHttpMethod
        parallelReads(context, settings);
    }

    /**
     * The threads of the multicasts that read at once ({@code executorService: parallelReads} in
     * reconcile.yaml and shotgrid.yaml): four ShotGrid searches per reconcile, RECONCILE_CONCURRENCY
     * reconciles. Camel's default (10 threads an EIP) queued the third and fourth workers' searches
     * behind the others (docs/performance.md has the figures).
     */
    private static void parallelReads(CamelContext context, ServiceSettings settings) {
        int threads = 4 * settings.reconcile().concurrency();
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("parallelReads")
                .poolSize(threads).maxPoolSize(threads).maxQueueSize(1000).allowCoreThreadTimeOut(true)
                .keepAliveTime(60L, TimeUnit.SECONDS).build());
    }
}
