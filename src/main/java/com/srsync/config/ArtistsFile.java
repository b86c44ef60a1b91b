package com.srsync.config;

import com.srsync.reconcile.SyncRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * artists.yaml while the service runs. {@link #check()} (a timer in routes/triggers.yaml) reads the
 * file; a changed, valid version is in force at once and logged with what changed, and the caller
 * reconciles every project (the delete guard still applies to each). An invalid version is refused -
 * file, line and key in the log and in health - and the configuration in force stays. {@link #candidate}
 * reads a file that is not saved yet, for {@code POST /admin/plan}.
 */
public final class ArtistsFile {
    private static final Logger LOG = LoggerFactory.getLogger(ArtistsFile.class);

    private final Path path;
    private final Set<String> activeStatuses;
    private volatile ArtistsConfig config;
    private volatile SyncRules rules;
    private String text;
    private String refused;

    /** @param config the version read at start-up (an invalid file stops the service there) */
    public ArtistsFile(Path path, Set<String> activeStatuses, ArtistsConfig config) {
        this.path = path;
        this.activeStatuses = Set.copyOf(activeStatuses);
        this.config = config;
        this.rules = config.rules(this.activeStatuses);
        this.text = readOrNull();
    }

    /** The rules in force. */
    public SyncRules rules() {
        return rules;
    }

    public ArtistsConfig config() {
        return config;
    }

    /** Reads the file; true when a new valid version was taken (every project is then due for a reconcile). */
    public synchronized boolean check() {
        String now = readOrNull();
        if (now == null) {
            if (refused == null) LOG.error("{} cannot be read; the configuration in force stays", path);
            refused = "cannot be read";
            return false;
        }
        if (now.equals(text)) return false;
        text = now;
        ArtistsConfig next;
        try {
            next = ArtistsFileLoader.parse(path.toString(), now);
        } catch (ConfigException e) {
            refused = e.getMessage();
            LOG.error("artists.yaml change refused, the configuration in force stays: {}", e.getMessage());
            return false;
        }
        String changes = ArtistsChanges.between(config, next);
        config = next;
        rules = next.rules(activeStatuses);
        refused = null;
        LOG.info("artists.yaml changed and is in force: {}; every project is reconciled", changes);
        return true;
    }

    /** The refused version's problem, by file, for health; empty when the file on disk is in force. */
    public synchronized Map<String, String> refused() {
        return refused == null ? Map.of() : Map.of(path.getFileName().toString(), refused);
    }

    /**
     * The rules a candidate artists.yaml would give, nothing changed.
     *
     * @throws IllegalArgumentException naming the line and key of what is wrong in it
     */
    public SyncRules candidate(String yaml) {
        if (yaml == null || yaml.isBlank()) throw new IllegalArgumentException("the request body must be an artists.yaml to preview");
        try {
            return ArtistsFileLoader.parse("candidate artists.yaml", yaml).rules(activeStatuses);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private String readOrNull() {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
