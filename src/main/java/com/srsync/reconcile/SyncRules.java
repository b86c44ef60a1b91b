package com.srsync.reconcile;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What artists.yaml and the service settings say about building jobs: the primary storage, the
 * artists and their agents, the folder templates, the job settings and the active shot statuses.
 */
public record SyncRules(StorageAgent primaryStorage, List<Artist> artists, PathTemplates templates,
                        JobSettings jobSettings, Set<String> activeStatuses) {
    public SyncRules {
        artists = List.copyOf(artists);
        activeStatuses = Set.copyOf(activeStatuses);
    }

    /** The configured artist for a ShotGrid user: by login, then e-mail (both ignoring case), then display name. */
    public Optional<Artist> artistFor(ShotGridUser user) {
        if (user.login() != null) {
            for (Artist a : artists) {
                if (a.login() != null && a.login().equalsIgnoreCase(user.login())) return Optional.of(a);
            }
        }
        if (user.email() != null) {
            for (Artist a : artists) {
                if (a.email() != null && a.email().equalsIgnoreCase(user.email())) return Optional.of(a);
            }
        }
        if (user.name() != null) {
            for (Artist a : artists) {
                if (a.displayName().equals(user.name())) return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** True when some artist is matched by login or e-mail, so users' details must be read from ShotGrid. */
    public boolean needsUserDetails() {
        return artists.stream().anyMatch(a -> a.login() != null || a.email() != null);
    }

    /** Status codes are compared exactly, as ShotGrid stores them. */
    public boolean isActive(String status) {
        return status != null && activeStatuses.contains(status);
    }
}
