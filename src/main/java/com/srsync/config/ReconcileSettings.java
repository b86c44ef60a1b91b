package com.srsync.config;

import java.time.Duration;
import java.util.Set;

/**
 * What a reconcile plans from and how reconciles are paced: active statuses, the delete guard, dry run,
 * the debounce, the safety net, how many run at once, and how a project whose reconcile failed is tried again.
 *
 * @param activeAssetStatuses ACTIVE_ASSET_STATUSES: an asset's status that counts as active (assets per_asset)
 * @param retryDelay          RECONCILE_RETRY_DELAY_MS: the first wait after a failed reconcile, doubling
 * @param retryMaxDelay       RECONCILE_RETRY_MAX_DELAY_MS: the longest wait between two tries of a failing project
 * @param failingAfter        RECONCILE_FAILING_AFTER_MS: a project failing this long is reported as failing
 */
public record ReconcileSettings(Set<String> activeStatuses, Set<String> activeAssetStatuses, boolean dryRun,
                                double deleteGuardFraction, int deleteGuardMin, Duration debounce, Duration maxDelay,
                                Duration safetyNetInterval, Duration safetyNetInitialDelay, int concurrency,
                                Duration retryDelay, Duration retryMaxDelay, Duration failingAfter) {
    public ReconcileSettings {
        activeStatuses = Set.copyOf(activeStatuses);
        activeAssetStatuses = Set.copyOf(activeAssetStatuses);
    }
}
