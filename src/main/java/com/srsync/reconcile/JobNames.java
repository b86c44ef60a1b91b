package com.srsync.reconcile;

import java.util.Collection;
import java.util.Optional;

/**
 * The old tool's job names, kept so an existing installation is adopted rather than duplicated:
 * {@code HybridWork_<tank>_<shot code>} and {@code HybridWork_<tank>_Assets}.
 */
public final class JobNames {
    public static final String PREFIX = "HybridWork_";
    public static final String ASSETS_SUFFIX = "Assets";

    private JobNames() {}

    public static String shotJob(String tankName, String shotCode) {
        return PREFIX + tankName + "_" + shotCode;
    }

    public static String assetsJob(String tankName) {
        return PREFIX + tankName + "_" + ASSETS_SUFFIX;
    }

    public static boolean isManaged(String jobName) {
        return jobName != null && jobName.startsWith(PREFIX);
    }

    /**
     * The tank name a managed job belongs to: of all known tank names that the job's name starts
     * with (followed by {@code _}), the longest, so {@code HybridWork_TST_B_010} is {@code TST_B}'s
     * when both {@code TST} and {@code TST_B} exist.
     */
    public static Optional<String> owner(String jobName, Collection<String> tankNames) {
        if (!isManaged(jobName)) return Optional.empty();
        String rest = jobName.substring(PREFIX.length());
        String best = null;
        for (String tank : tankNames) {
            if (tank == null || tank.isBlank()) continue;
            if (rest.startsWith(tank + "_") && rest.length() > tank.length() + 1
                    && (best == null || tank.length() > best.length())) {
                best = tank;
            }
        }
        return Optional.ofNullable(best);
    }
}
