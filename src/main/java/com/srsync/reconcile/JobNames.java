package com.srsync.reconcile;

import java.util.Optional;
import java.util.Set;

/**
 * The old tool's job names, kept so an existing installation is adopted rather than duplicated:
 * {@code HybridWork_<tank>_<shot code>} and {@code HybridWork_<tank>_Assets}; with {@code assets: {mode: per_asset}}
 * also {@code HybridWork_<tank>_Asset_<asset type>_<asset code>}.
 */
public final class JobNames {
    public static final String PREFIX = "HybridWork_";
    public static final String ASSETS_SUFFIX = "Assets";
    /** What follows the tank name in the name of one asset's job; shots coded so are skipped in per_asset mode. */
    public static final String ASSET_INFIX = "Asset_";

    private JobNames() {}

    public static String shotJob(String tankName, String shotCode) {
        return PREFIX + tankName + "_" + shotCode;
    }

    public static String assetsJob(String tankName) {
        return PREFIX + tankName + "_" + ASSETS_SUFFIX;
    }

    public static String assetJob(String tankName, String assetType, String assetCode) {
        return PREFIX + tankName + "_" + ASSET_INFIX + assetType + "_" + assetCode;
    }

    /** True when the name has the form of one asset's job of this tank name (in project mode it may also be a shot's). */
    public static boolean isAssetJob(String jobName, String tankName) {
        return jobName != null && tankName != null && jobName.startsWith(PREFIX + tankName + "_" + ASSET_INFIX);
    }

    public static boolean isManaged(String jobName) {
        return jobName != null && jobName.startsWith(PREFIX);
    }

    /**
     * The tank name a managed job belongs to: of all known tank names that the job's name starts
     * with (followed by {@code _}), the longest, so {@code HybridWork_TST_B_010} is {@code TST_B}'s
     * when both {@code TST} and {@code TST_B} exist.
     */
    public static Optional<String> owner(String jobName, Set<String> tankNames) {
        if (!isManaged(jobName)) return Optional.empty();
        String rest = jobName.substring(PREFIX.length());
        // each '_' (but the last character) ends a candidate tank name; the longest known one wins
        for (int end = rest.lastIndexOf('_', rest.length() - 2); end > 0; end = rest.lastIndexOf('_', end - 1)) {
            String candidate = rest.substring(0, end);
            if (tankNames.contains(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
