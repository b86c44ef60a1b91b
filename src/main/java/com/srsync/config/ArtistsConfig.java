package com.srsync.config;

import com.srsync.reconcile.Artist;
import com.srsync.reconcile.AssetRules;
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
 * @param assets         the {@code assets:} section and {@code path_templates.asset_template}; its active statuses
 *                       are ACTIVE_ASSET_STATUSES, given to {@link #rules}
 * @param legacySettings the old tool's {@code job_settings} keys that are accepted but have no effect
 *                       ({@code auto_create_paths}, {@code folder_permissions}, {@code sync_direction})
 */
public record ArtistsConfig(StorageAgent primaryStorage, List<Artist> artists, PathTemplates templates,
                            JobSettings jobSettings, AssetRules assets, Map<String, Object> legacySettings) {
    public ArtistsConfig {
        artists = List.copyOf(artists);
        legacySettings = Map.copyOf(legacySettings);
    }

    /** @param activeStatuses ACTIVE_STATUSES, for shots; @param activeAssetStatuses ACTIVE_ASSET_STATUSES */
    public SyncRules rules(Set<String> activeStatuses, Set<String> activeAssetStatuses) {
        return new SyncRules(primaryStorage, artists, templates, jobSettings, activeStatuses, assets.withActiveStatuses(activeAssetStatuses));
    }
}
