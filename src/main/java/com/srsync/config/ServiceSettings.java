package com.srsync.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of the README's Configuration table, grouped by what they are about, read by their
 * environment names (each also settable in config/application.properties under its lower-case dotted
 * name, e.g. {@code SHOTGRID_URL} as {@code shotgrid.url}) and validated together by {@link SettingsReader}:
 * every problem is reported at once, naming the setting.
 *
 * @param adminToken       ADMIN_TOKEN, or null: the admin endpoints answer 404
 * @param notifyWebhookUrl NOTIFY_WEBHOOK_URL (for the example extension), or null
 * @param warnings         what is allowed but worth saying at start-up
 */
public record ServiceSettings(ShotGridSettings shotgrid, ConsoleSettings console, WebhookSettings webhooks, ReconcileSettings reconcile,
                              CallSettings calls, EventLogSettings eventLog, DeliverySettings delivery, ClusterSettings cluster,
                              Path artistsFile, Path dataDir, Secret adminToken, Secret notifyWebhookUrl, List<String> warnings) {
    /** The shortest webhook secret or admin token accepted: anything shorter can be guessed or read over a shoulder. */
    public static final int SHORTEST_TOKEN = 16;

    public ServiceSettings {
        warnings = List.copyOf(warnings);
    }

    /** These settings with another DATA_DIR (a command keeps the service's state elsewhere, so it writes none of it). */
    public ServiceSettings withDataDir(Path other) {
        return new ServiceSettings(shotgrid, console, webhooks, reconcile, calls, eventLog, delivery, cluster, artistsFile, other, adminToken,
                notifyWebhookUrl, warnings);
    }

    /** DRY_RUN, for the routes ({@code ${bean:serviceSettings?method=dryRun}}). */
    public boolean dryRun() {
        return reconcile.dryRun();
    }

    /** The property key of an environment name: {@code SHOTGRID_URL} is {@code shotgrid.url}. */
    public static String propertyKey(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * @param lookup a setting's value by environment name, empty when unset
     * @throws ConfigException naming every setting that is missing or wrong
     */
    public static ServiceSettings from(Function<String, Optional<String>> lookup) {
        return new SettingsReader(lookup).read();
    }
}
