package com.srsync.config;

import com.srsync.reconcile.Artist;
import com.srsync.reconcile.JobSettings;
import com.srsync.reconcile.PathTemplates;
import com.srsync.reconcile.StorageAgent;
import com.srsync.reconcile.SyncRules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * artists.yaml, validated.
 *
 * @param legacySettings the old tool's {@code job_settings} keys that are accepted but have no effect
 *                       ({@code auto_create_paths}, {@code folder_permissions}, {@code sync_direction})
 */
public record ArtistsConfig(StorageAgent primaryStorage, List<Artist> artists, PathTemplates templates,
                            JobSettings jobSettings, Map<String, Object> legacySettings) {
    public ArtistsConfig {
        artists = List.copyOf(artists);
        legacySettings = Map.copyOf(legacySettings);
    }

    public SyncRules rules(Set<String> activeStatuses) {
        return new SyncRules(primaryStorage, artists, templates, jobSettings, activeStatuses);
    }
}
