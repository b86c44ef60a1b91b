package com.srsync.config;

import com.srsync.reconcile.Artist;
import com.srsync.reconcile.SyncRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
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
 * <p>
 * A changed file is taken only once it reads the same twice, {@code settle} apart (size, modification
 * time and content): an editor that truncates and then writes (nano, {@code cat >}, a copy over SMB) can
 * be read half-saved, and a prefix that parses - a file cut before {@code job_settings}, or in the
 * middle of {@code target_agents} - would otherwise be in force and reconciled for one interval.
 * <p>
 * Artists listed with neither {@code login} nor {@code email} are matched by display name only; at
 * start-up and after each change the log names them once ({@link #warnings()}, shown on the status page).
 */
public final class ArtistsFile {
    private static final Logger LOG = LoggerFactory.getLogger(ArtistsFile.class);

    private final Path path;
    private final Duration settle;
    private final Set<String> activeStatuses;
    private final Set<String> activeAssetStatuses;
    private volatile ArtistsConfig config;
    private volatile SyncRules rules;
    private String text;
    private volatile String refused;               // read by health without the lock: a check may be waiting out a settle

    /**
     * @param activeStatuses      ACTIVE_STATUSES (shots)
     * @param activeAssetStatuses ACTIVE_ASSET_STATUSES (assets, with {@code assets: {mode: per_asset}})
     * @param config              the version read at start-up (an invalid file stops the service there)
     */
    public ArtistsFile(Path path, Set<String> activeStatuses, Set<String> activeAssetStatuses, ArtistsConfig config) {
        this(path, activeStatuses, activeAssetStatuses, config, Duration.ofMillis(300));
    }

    /** @param settle how long a changed file must read the same before it is taken */
    public ArtistsFile(Path path, Set<String> activeStatuses, Set<String> activeAssetStatuses, ArtistsConfig config, Duration settle) {
        this.path = path;
        this.settle = settle;
        this.activeStatuses = Set.copyOf(activeStatuses);
        this.activeAssetStatuses = Set.copyOf(activeAssetStatuses);
        this.config = config;
        this.rules = config.rules(this.activeStatuses, this.activeAssetStatuses);
        this.text = readOrNull();
        warnAboutNamesOnly();
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
        now = settled(now);
        if (now == null) return false;                  // still being written: the next check looks again
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
        rules = next.rules(activeStatuses, activeAssetStatuses);
        refused = null;
        LOG.info("artists.yaml changed and is in force: {}; every project is reconciled", changes);
        warnAboutNamesOnly();
        return true;
    }

    /** The file's text once it reads the same {@code settle} apart (size, time and content); null while it changes. */
    private String settled(String first) {
        try {
            FileTime before = Files.getLastModifiedTime(path);
            long size = Files.size(path);
            Thread.sleep(settle.toMillis());
            String again = readOrNull();
            if (again == null || !again.equals(first) || Files.size(path) != size || !Files.getLastModifiedTime(path).equals(before)) {
                LOG.debug("{} is changing; it is read again at the next check", path);
                return null;
            }
            return first;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** What an operator should know about the version in force: the artists matched by display name only. */
    public List<String> warnings() {
        List<String> names = rules.artistsByNameOnly().stream().map(Artist::displayName).toList();
        if (names.isEmpty()) return List.of();
        return List.of(names.size() + " artist" + (names.size() == 1 ? " is" : "s are") + " matched by display name only ("
                + String.join(", ", names) + "): a ShotGrid user who takes one of these names gets that artist's machine, and one "
                + "who renames themselves drops out of every job. Add each artist's login (or email) to artists.yaml.");
    }

    private void warnAboutNamesOnly() {
        for (String warning : warnings()) LOG.warn("artists.yaml: {}", warning);
    }

    /** The refused version's problem, by file, for health; empty when the file on disk is in force. */
    public Map<String, String> refused() {
        String problem = refused;
        return problem == null ? Map.of() : Map.of(path.getFileName().toString(), problem);
    }

    /**
     * The rules a candidate artists.yaml would give, nothing changed.
     *
     * @throws IllegalArgumentException naming the line and key of what is wrong in it
     */
    public SyncRules candidate(String yaml) {
        if (yaml == null || yaml.isBlank()) throw new IllegalArgumentException("the request body must be an artists.yaml to preview");
        try {
            return ArtistsFileLoader.parse("candidate artists.yaml", yaml).rules(activeStatuses, activeAssetStatuses);
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
