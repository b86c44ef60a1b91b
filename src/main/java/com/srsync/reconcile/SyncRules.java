package com.srsync.reconcile;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What artists.yaml and the service settings say about building jobs: the primary storage, the
 * artists and their agents, the folder templates, the job settings and the active shot statuses.
 * Artists are indexed, so matching a user costs the same with ten artists or a thousand.
 */
public final class SyncRules {
    private final StorageAgent primaryStorage;
    private final List<Artist> artists;
    private final PathTemplates templates;
    private final JobSettings jobSettings;
    private final Set<String> activeStatuses;
    private final Map<String, Artist> byLogin = new HashMap<>();
    private final Map<String, Artist> byEmail = new HashMap<>();
    private final Map<String, Artist> byName = new HashMap<>();
    private final List<Artist> byNameOnly;
    private final Map<Artist, String> unavailable;
    private final Set<Artist> unlisted;
    private final AssetRules assets;

    /** The old tool's assets: one job per project (ACTIVE_ASSET_STATUSES at its default). */
    public SyncRules(StorageAgent primaryStorage, List<Artist> artists, PathTemplates templates,
                     JobSettings jobSettings, Set<String> activeStatuses) {
        this(primaryStorage, artists, templates, jobSettings, activeStatuses,
                AssetRules.projectMode(templates.assets(), Set.of("ip", "rev")));
    }

    public SyncRules(StorageAgent primaryStorage, List<Artist> artists, PathTemplates templates,
                     JobSettings jobSettings, Set<String> activeStatuses, AssetRules assets) {
        this(primaryStorage, artists, templates, jobSettings, activeStatuses, assets, Map.of(), Set.of());
    }

    private SyncRules(StorageAgent primaryStorage, List<Artist> artists, PathTemplates templates, JobSettings jobSettings,
                      Set<String> activeStatuses, AssetRules assets, Map<Artist, String> unavailable, Set<Artist> unlisted) {
        this.assets = assets;
        this.unavailable = Map.copyOf(unavailable);
        this.unlisted = Set.copyOf(unlisted);
        this.primaryStorage = primaryStorage;
        this.artists = List.copyOf(artists);
        this.templates = templates;
        this.jobSettings = jobSettings;
        this.activeStatuses = Set.copyOf(activeStatuses);
        for (Artist a : this.artists) {
            if (a.login() != null) byLogin.putIfAbsent(a.login().toLowerCase(Locale.ROOT), a);
            if (a.email() != null) byEmail.putIfAbsent(a.email().toLowerCase(Locale.ROOT), a);
            byName.putIfAbsent(a.displayName(), a);
        }
        this.byNameOnly = this.artists.stream().filter(a -> a.login() == null && a.email() == null).toList();
    }

    /**
     * These rules with the agents as the console knows them ({@link AgentResolution}): some artists cannot be used,
     * for the reason given; of those, {@code notListed} are artists whose agent id the console's list lacked.
     */
    public SyncRules resolved(StorageAgent primary, List<Artist> resolvedArtists, Map<Artist, String> unusable, Set<Artist> notListed) {
        return new SyncRules(primary, resolvedArtists, templates, jobSettings, activeStatuses, assets, unusable, notListed);
    }

    /**
     * True when this artist's agent id was missing from the console's last list of agents: not added to any job,
     * but not taken off a job that already holds it either (one read that lacked it proves nothing).
     */
    public boolean isUnlisted(Artist artist) {
        return unlisted.contains(artist);
    }

    /** Why this artist's agent cannot be used now, if it cannot. */
    public Optional<String> unavailable(Artist artist) {
        return Optional.ofNullable(unavailable.get(artist));
    }

    public StorageAgent primaryStorage() { return primaryStorage; }
    public List<Artist> artists() { return artists; }
    public PathTemplates templates() { return templates; }
    public JobSettings jobSettings() { return jobSettings; }
    public Set<String> activeStatuses() { return activeStatuses; }
    public AssetRules assets() { return assets; }

    /** These rules with other assets rules (the same artists, resolved or not). */
    public SyncRules withAssets(AssetRules other) {
        return new SyncRules(primaryStorage, artists, templates, jobSettings, activeStatuses, other, unavailable, unlisted);
    }

    /** The configured artist for a ShotGrid user: by login, then e-mail (both ignoring case), then display name. */
    public Optional<Artist> artistFor(ShotGridUser user) {
        Artist a = null;
        if (user.login() != null) a = byLogin.get(user.login().toLowerCase(Locale.ROOT));
        if (a == null && user.email() != null) a = byEmail.get(user.email().toLowerCase(Locale.ROOT));
        if (a == null && user.name() != null) a = byName.get(user.name());
        return Optional.ofNullable(a);
    }

    /** True when {@code user} would be matched to an artist by display name alone (no login or e-mail of theirs is listed). */
    public boolean matchesByNameOnly(ShotGridUser user) {
        if (user.name() == null || !byName.containsKey(user.name())) return false;
        if (user.login() != null && byLogin.containsKey(user.login().toLowerCase(Locale.ROOT))) return false;
        if (user.email() != null && byEmail.containsKey(user.email().toLowerCase(Locale.ROOT))) return false;
        return true;
    }

    /** The artists listed with neither {@code login} nor {@code email}: matched by display name only. */
    public List<Artist> artistsByNameOnly() {
        return byNameOnly;
    }

    /** True when some artist is matched by login or e-mail, so users' details must be read from ShotGrid. */
    public boolean needsUserDetails() {
        return !byLogin.isEmpty() || !byEmail.isEmpty();
    }

    /** The display names of the artists on this agent, in artists.yaml's order; empty when no artist uses it. */
    public List<String> artistsOn(long agentId) {
        return artists.stream().filter(a -> a.agent().id() == agentId).map(Artist::displayName).toList();
    }

    /** Status codes are compared exactly, as ShotGrid stores them. */
    public boolean isActive(String status) {
        return status != null && activeStatuses.contains(status);
    }
}
