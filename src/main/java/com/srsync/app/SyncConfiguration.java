package com.srsync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.cluster.LeaderScope;
import com.srsync.config.ArtistsConfig;
import com.srsync.config.ArtistsFile;
import com.srsync.config.ArtistsFileLoader;
import com.srsync.config.Secret;
import com.srsync.config.ServiceSettings;
import com.srsync.logging.MaskedValues;
import com.srsync.observe.SyncMetrics;
import com.srsync.routefiles.RefusedFilesCheck;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every bean the routes call, once, from the validated settings and artists.yaml, and binds each
 * under its class's name in lower camel case ({@code ref: jobJson} is a {@code JobJson}; see {@link Beans}).
 * Wiring only: each concern binds its beans in a class of its own ({@link CallBeans}, {@link ReplicaBeans},
 * {@link LoopBeans}, {@link DeliveryBeans}, {@link TriggerBeans}, {@link AdminBeans}, ...), in this order. A
 * setting or artists.yaml that is wrong stops start-up here, with a message naming it.
 */
@Configuration
public class SyncConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SyncConfiguration.class);
    /** Set by {@code check} and {@code webhooks}: the service's beans and call routes, for one command, no timers. */
    public static final String COMMAND = "srsync.command";
    /** A command's own DATA_DIR (a temporary folder), so the service's is only probed, never written. */
    public static final String COMMAND_DATA_DIR = "srsync.command.data.dir";

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        ServiceSettings settings = ServiceSettings.from(name -> properties.resolveProperty(ServiceSettings.propertyKey(name)));
        if (properties.resolveProperty(COMMAND_DATA_DIR).isPresent()) {    // a command: DATA_DIR probed, its own folder used
            properties.addOverrideProperty(SetupBeans.CHECKED_DATA_DIR, settings.dataDir().toString());
            settings = settings.withDataDir(Path.of(properties.resolveProperty(COMMAND_DATA_DIR).get()));
        }
        hideFromTheLog(settings);
        routePlaceholders(properties, settings);
        ArtistsConfig artists = ArtistsFileLoader.load(settings.artistsFile());
        warnAbout(settings, artists);
        Beans beans = new Beans(context.getRegistry());
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = new ObjectMapper();
        beans.bind(settings);
        ArtistsFile rules = beans.bind(new ArtistsFile(settings.artistsFile(), settings.reconcile().activeStatuses(),
                settings.reconcile().activeAssetStatuses(), artists));   // live: triggers.yaml
        beans.bind("artistsFileCheck", new RefusedFilesCheck("artists-file", "the configuration in force stays", rules::refused));

        SyncMetrics metrics = ObservabilityBeans.bind(context, beans, settings, clock);
        CallBeans.bind(context, beans, settings, rules, mapper, clock);
        LeaderScope scope = ReplicaBeans.bind(context, beans, settings, properties, metrics);
        LoopBeans.bind(beans, settings, rules, mapper, clock, metrics, scope);
        DeliveryBeans.bind(beans, settings, mapper, clock, scope);
        TriggerBeans.bind(beans, settings, mapper, clock, metrics, scope);
        AdminBeans.bind(context, beans, settings, mapper);
        SetupBeans.bind(beans, settings, properties, mapper, clock);
        ServiceGauges.register(metrics, beans, clock, settings.delivery().enabled());
        RouteFileBeans.bind(context, beans, properties);

        LOG.info("Syncing ShotGrid {} to Resilio {} for {} artists; active shot statuses {}{}", settings.shotgrid().url(),
                settings.console().url(), artists.artists().size(), settings.reconcile().activeStatuses(),
                settings.dryRun() ? "; DRY RUN: nothing is written" : "");
    }

    /** What the route files read as placeholders, from the settings. */
    private static void routePlaceholders(PropertiesComponent properties, ServiceSettings settings) {
        // the site and console roots, without a trailing slash
        properties.addOverrideProperty("shotgrid.url", settings.shotgrid().url().toString());
        properties.addOverrideProperty("resilio.url", settings.console().url().toString());
        // the status page may be framed by this ShotGrid site only (its Action Menu Item opens the page in a panel)
        properties.addOverrideProperty("ui.frame.ancestors", origin(settings.shotgrid().url()));
        // a command (check, webhooks) loads the call routes but runs none of their timers: it reads, once
        boolean command = properties.resolveProperty(COMMAND).isPresent();
        properties.addOverrideProperty("delivery.poll.enabled", String.valueOf(settings.delivery().enabled() && !command));   // resilio.yaml
        properties.addOverrideProperty("shotgrid.delivery.field.enabled",
                String.valueOf(settings.shotgrid().deliveryField() != null && !command));                                     // shotgrid.yaml
        // an https console is trusted as RESILIO_CA_CERT / RESILIO_TLS_INSECURE say (camel-http would take these options to mean https)
        properties.addOverrideProperty("resilio.tls", "https".equals(settings.console().url().getScheme())
                ? "?sslContextParameters=#resilioTls&x509HostnameVerifier=#resilioHostnames" : "");
    }

    /** scheme://host[:port] of a URL: what a Content-Security-Policy source names. */
    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** Every credential, and the chat URL whose path is its secret, is printed as **** by the log's %masked pattern. */
    private static void hideFromTheLog(ServiceSettings settings) {
        for (Secret secret : new Secret[] {settings.shotgrid().apiKey(), settings.webhooks().secret(), settings.console().token(),
                settings.adminToken()}) {
            if (secret != null) MaskedValues.hide(secret.reveal());
        }
        if (settings.notifyWebhookUrl() != null) MaskedValues.hideUrl(settings.notifyWebhookUrl().reveal());
    }

    private static void warnAbout(ServiceSettings settings, ArtistsConfig artists) {
        settings.warnings().forEach(LOG::warn);
        if (settings.console().tlsInsecure()) {
            LOG.warn("RESILIO_TLS_INSECURE=true: the Resilio console's certificate and host name are NOT checked. "
                    + "Give its CA certificate with RESILIO_CA_CERT instead.");
        }
        if (settings.webhooks().allowUnsigned()) {
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
