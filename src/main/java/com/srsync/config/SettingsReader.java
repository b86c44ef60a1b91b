package com.srsync.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and checks every setting of {@link ServiceSettings}, one group at a time, collecting every
 * problem before it reports them together.
 */
final class SettingsReader {
    /**
     * Shot fields the delivery summary may never overwrite even though their names start with {@code sg_}:
     * those the sync reads, and ShotGrid's own that people keep (cut and edit data). The schema check at
     * start-up also refuses any field that is not text.
     */
    static final Set<String> FIELDS_NEVER_WRITTEN = Set.of("sg_status_list", "sg_sequence", "sg_asset_type", "sg_cut_in", "sg_cut_out",
            "sg_cut_duration", "sg_cut_order", "sg_head_in", "sg_tail_out", "sg_working_duration", "sg_shot_type", "sg_versions",
            "sg_assets", "sg_description", "sg_task_template");

    private final Function<String, Optional<String>> lookup;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean sandbox;

    SettingsReader(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    ServiceSettings read() {
        sandbox = flag("SANDBOX", false);
        ShotGridSettings shotgrid = shotgrid();
        ConsoleSettings console = console();
        WebhookSettings webhooks = webhooks();
        ReconcileSettings reconcile = reconcile();
        CallSettings calls = calls();
        EventLogSettings eventLog = eventLog();
        DeliverySettings delivery = delivery();
        ClusterSettings cluster = cluster();
        Path artists = Path.of(orDefault("ARTISTS_FILE", orDefault("CONFIG_DIR", "config") + "/artists.yaml"));
        Path data = Path.of(orDefault("DATA_DIR", "data"));
        Secret admin = token("ADMIN_TOKEN", false);
        millis("ARTISTS_RELOAD_INTERVAL_MS", 2000);                     // read by routes/triggers.yaml
        URI notify = url("NOTIFY_WEBHOOK_URL", false);
        Secret notifyUrl = notify == null ? null : Secret.of(text("NOTIFY_WEBHOOK_URL", false));
        if (!sandbox) {
            clearText("SHOTGRID_URL", shotgrid.url(), "SHOTGRID_API_KEY");
            clearText("RESILIO_URL", console.url(), "RESILIO_TOKEN");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("Configuration is incomplete or wrong:\n  - " + String.join("\n  - ", problems)
                    + "\nSet these as environment variables (or in config/application.properties as lower-case dotted keys, "
                    + "e.g. shotgrid.url).");
        }
        return new ServiceSettings(shotgrid, console, webhooks, reconcile, calls, eventLog, delivery, cluster, artists, data, admin,
                notifyUrl, warnings);
    }

    private ShotGridSettings shotgrid() {
        URI url = url("SHOTGRID_URL", true);
        String script = text("SHOTGRID_SCRIPT_NAME", true);
        Secret apiKey = Secret.of(text("SHOTGRID_API_KEY", true));
        return new ShotGridSettings(url, script, apiKey, deliveryField());
    }

    /** SHOTGRID_DELIVERY_FIELD: a custom field of the studio's own (sg_…), never one the sync reads or people keep. */
    private String deliveryField() {
        String field = text("SHOTGRID_DELIVERY_FIELD", false);
        if (field == null) return null;
        if (!field.matches("sg_[a-z0-9_]{1,60}")) {
            problems.add("SHOTGRID_DELIVERY_FIELD: must name a custom text field of the studio's own, such as sg_resilio_delivery "
                    + "(sg_ followed by lower-case letters, digits and _), got '" + field + "'");
        } else if (FIELDS_NEVER_WRITTEN.contains(field)) {
            problems.add("SHOTGRID_DELIVERY_FIELD: " + field + " is a field the sync reads or people keep, and is never written; "
                    + "create a text field of its own, such as sg_resilio_delivery");
        }
        return field;
    }

    private ConsoleSettings console() {
        URI url = url("RESILIO_URL", true);
        Secret token = Secret.of(text("RESILIO_TOKEN", true));
        Path ca = Optional.ofNullable(text("RESILIO_CA_CERT", false)).map(Path::of).orElse(null);
        if (ca != null && !Files.isReadable(ca)) problems.add("RESILIO_CA_CERT: file " + ca + " cannot be read");
        boolean insecure = flag("RESILIO_TLS_INSECURE", false);
        if (insecure && ca != null) {
            problems.add("RESILIO_TLS_INSECURE and RESILIO_CA_CERT conflict: the first switches certificate checks off, the second "
                    + "trusts one certificate; set only RESILIO_CA_CERT to trust the console's own certificate");
        }
        Duration jobsReuse = Duration.ofMillis(wholeMillis("RESILIO_JOBS_REUSE_MS", 10000));   // 0: every reconcile reads the list itself
        return new ConsoleSettings(url, token, ca, insecure, jobsReuse);
    }

    private WebhookSettings webhooks() {
        boolean unsigned = flag("WEBHOOK_ALLOW_UNSIGNED", false);
        Secret secret = token("SECRET_TOKEN", !unsigned);
        Long queueBytes = text("EVENT_QUEUE_MAX_BYTES", false) == null ? null : (long) number("EVENT_QUEUE_MAX_BYTES", 0);
        if (queueBytes != null && queueBytes < 65536) problems.add("EVENT_QUEUE_MAX_BYTES: must be at least 65536, got " + queueBytes);
        boolean watch = flag("SHOTGRID_WEBHOOK_WATCH", false);
        boolean revive = flag("SHOTGRID_WEBHOOK_REVIVE", false);
        if (revive && !watch) problems.add("SHOTGRID_WEBHOOK_REVIVE: needs SHOTGRID_WEBHOOK_WATCH=true (a hook is revived only after its status was read)");
        millis("SHOTGRID_WEBHOOK_WATCH_INTERVAL_MS", 300000);              // read by routes/watch.yaml
        Duration silenceGrace = millis("WEBHOOK_SILENCE_GRACE_MS", 120000);
        URI publicUrl = url("PUBLIC_URL", false);
        return new WebhookSettings(secret, unsigned, queueBytes, watch, revive, silenceGrace, publicUrl);
    }

    private ReconcileSettings reconcile() {
        Set<String> statuses = statuses("ACTIVE_STATUSES", "active");
        Set<String> assetStatuses = statuses("ACTIVE_ASSET_STATUSES", "ip,rev");
        boolean dryRun = flag("DRY_RUN", false);
        double fraction = number("DELETE_GUARD_FRACTION", 0.5);
        if (fraction < 0) problems.add("DELETE_GUARD_FRACTION: must be 0 or more (1 switches the guard off), got " + fraction);
        int min = (int) number("DELETE_GUARD_MIN", 5);
        if (min < 0) problems.add("DELETE_GUARD_MIN: must be 0 or more, got " + min);
        Duration debounce = millis("SYNC_DEBOUNCE_MS", 2000);
        Duration maxDelay = millis("SYNC_MAX_DELAY_MS", 15000);
        if (maxDelay.compareTo(debounce) < 0) problems.add("SYNC_MAX_DELAY_MS: must not be shorter than SYNC_DEBOUNCE_MS");
        Duration safetyNet = millis("SAFETY_NET_INTERVAL_MS", 600000);
        Duration safetyNetFirst = millis("SAFETY_NET_INITIAL_DELAY_MS", 5000);
        int concurrency = (int) number("RECONCILE_CONCURRENCY", 4);      // read by routes/reconcile.yaml
        if (concurrency < 1 || concurrency > 64) problems.add("RECONCILE_CONCURRENCY: must be from 1 to 64, got " + concurrency);
        Duration retryDelay = millis("RECONCILE_RETRY_DELAY_MS", 10000);
        Duration retryMaxDelay = millis("RECONCILE_RETRY_MAX_DELAY_MS", Math.max(60000, retryDelay.toMillis()));   // unset: a minute
        if (retryMaxDelay.compareTo(retryDelay) < 0) problems.add("RECONCILE_RETRY_MAX_DELAY_MS: must not be shorter than RECONCILE_RETRY_DELAY_MS");
        Duration failingAfter = millis("RECONCILE_FAILING_AFTER_MS", 600000);
        if (text("RECONCILE_RETRY_MAX", false) != null) {
            warnings.add("RECONCILE_RETRY_MAX is no longer used: a project whose reconcile failed is tried again until it succeeds, "
                    + "at most RECONCILE_RETRY_MAX_DELAY_MS apart, and reported as failing after RECONCILE_FAILING_AFTER_MS");
        }
        return new ReconcileSettings(statuses, assetStatuses, dryRun, fraction, min, debounce, maxDelay, safetyNet, safetyNetFirst,
                concurrency, retryDelay, retryMaxDelay, failingAfter);
    }

    private CallSettings calls() {
        Duration connect = millis("HTTP_CONNECT_TIMEOUT_MS", 5000);
        Duration read = millis("HTTP_READ_TIMEOUT_MS", 30000);
        Duration deadline = millis("HTTP_CALL_DEADLINE_MS", 60000);
        if (deadline.compareTo(read) < 0) problems.add("HTTP_CALL_DEADLINE_MS: must not be shorter than HTTP_READ_TIMEOUT_MS");
        long maxBytes = (long) number("HTTP_MAX_RESPONSE_BYTES", 64L * 1024 * 1024);
        if (maxBytes < 1024) problems.add("HTTP_MAX_RESPONSE_BYTES: must be at least 1024, got " + maxBytes);
        Duration retryDelay = millis("RETRY_DELAY_MS", 1000);
        Duration retryMaxDelay = millis("RETRY_MAX_DELAY_MS", 30000);
        int redeliveries = (int) number("RETRY_MAX_REDELIVERIES", 5);
        if (redeliveries < 0) problems.add("RETRY_MAX_REDELIVERIES: must be 0 or more, got " + redeliveries);
        return new CallSettings(connect, read, deadline, maxBytes, retryDelay, retryMaxDelay, redeliveries);
    }

    private EventLogSettings eventLog() {
        boolean enabled = flag("EVENTLOG_POLL_ENABLED", false);
        millis("EVENTLOG_POLL_INTERVAL_MS", 5000);                         // read by routes/eventlog.yaml
        String start = text("EVENTLOG_START_ID", false);
        Long startId = null;
        if (start != null) {
            try {
                startId = Long.parseLong(start);
                if (startId < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                problems.add("EVENTLOG_START_ID: must be an event id (a whole number above 0), got '" + start + "'");
            }
        }
        return new EventLogSettings(enabled, startId);
    }

    private DeliverySettings delivery() {
        Duration poll = Duration.ofMillis(wholeMillis("DELIVERY_POLL_INTERVAL_MS", 60000));   // 0: off
        if (!poll.isZero() && poll.toMillis() < 1000) {
            problems.add("DELIVERY_POLL_INTERVAL_MS: must be 0 (off) or at least 1000, got " + poll.toMillis());
        }
        return new DeliverySettings(poll, millis("DELIVERY_REFRESH_MS", 300000));
    }

    private ClusterSettings cluster() {
        String election = orDefault("LEADER_ELECTION", "none").toLowerCase(Locale.ROOT);
        if (!Set.of("none", "file", "kubernetes").contains(election)) {
            problems.add("LEADER_ELECTION: must be none, file or kubernetes, got '" + election + "'");
        }
        Path dir = Optional.ofNullable(text("LEADER_ELECTION_DIR", election.equals("file"))).map(Path::of).orElse(null);
        String lease = orDefault("LEADER_ELECTION_LEASE", "shotgrid-resilio-sync");
        if (!lease.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?") || lease.length() > 253) {
            problems.add("LEADER_ELECTION_LEASE: must be a Kubernetes name (lower-case letters, digits, '-' and '.'), got '" + lease + "'");
        }
        return new ClusterSettings(election, dir, lease);
    }

    // --- one value -------------------------------------------------------------------------------

    private Set<String> statuses(String name, String fallback) {
        Set<String> statuses = new LinkedHashSet<>(Arrays.stream(orDefault(name, fallback).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
        if (statuses.isEmpty()) problems.add(name + ": needs at least one status code, e.g. " + fallback);
        return statuses;
    }

    private String text(String name, boolean required) {
        Optional<String> value = lookup.apply(name).map(String::trim).filter(s -> !s.isEmpty());
        if (value.isEmpty() && required) problems.add(name + " is required");
        return value.orElse(null);
    }

    /** A shared secret: at least {@value ServiceSettings#SHORTEST_TOKEN} characters, except the sandbox's fixed demo values. */
    private Secret token(String name, boolean required) {
        String value = text(name, required);
        if (value != null && value.length() < ServiceSettings.SHORTEST_TOKEN && !sandbox) {
            problems.add(name + ": must be at least " + ServiceSettings.SHORTEST_TOKEN + " characters long, got " + value.length()
                    + " (e.g. openssl rand -hex 24)");
        }
        return Secret.of(value);
    }

    /** Plain http to another machine sends the credentials readable by anyone on the way: allowed (a lab), but said. */
    private void clearText(String name, URI url, String what) {
        if (url == null || !"http".equals(url.getScheme()) || isLoopback(url.getHost())) return;
        warnings.add(name + " uses plain http to " + url.getHost() + ": " + what + " travels unencrypted; use https");
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    private String orDefault(String name, String fallback) {
        String value = text(name, false);
        return value == null ? fallback : value;
    }

    private URI url(String name, boolean required) {
        String value = text(name, required);
        if (value == null) return null;
        boolean mayHoldSecret = value.contains("@") || name.equals("NOTIFY_WEBHOOK_URL");
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getRawUserInfo() != null) {
                problems.add(name + ": must not carry a user name or password (user:password@host); credentials go in their own "
                        + "settings, which are never logged");
                return null;
            }
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        problems.add(name + ": must be an http(s) URL such as https://host:port"
                + (mayHoldSecret ? " (the value is not shown: it may hold a secret)" : ", got '" + value + "'"));
        return null;
    }

    private Duration millis(String name, long fallback) {
        double value = number(name, fallback);
        if (value <= 0 || value != Math.floor(value)) {
            problems.add(name + ": must be a whole number of milliseconds above 0, got '" + text(name, false) + "'");
            return Duration.ofMillis(fallback);
        }
        return Duration.ofMillis((long) value);
    }

    /** A whole number of milliseconds, 0 or more. */
    private long wholeMillis(String name, long fallback) {
        double value = number(name, fallback);
        if (value < 0 || value != Math.floor(value)) {
            problems.add(name + ": must be a whole number of milliseconds, 0 or more, got '" + text(name, false) + "'");
            return fallback;
        }
        return (long) value;
    }

    private boolean flag(String name, boolean fallback) {
        String value = text(name, false);
        if (value == null) return fallback;
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false")) return false;
        problems.add(name + ": must be true or false, got '" + value + "'");
        return fallback;
    }

    private double number(String name, double fallback) {
        String value = text(name, false);
        if (value == null) return fallback;
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problems.add(name + ": must be a number, got '" + value + "'");
            return fallback;
        }
    }
}
