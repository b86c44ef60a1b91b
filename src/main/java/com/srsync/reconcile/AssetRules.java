package com.srsync.reconcile;

import java.util.Set;

/**
 * The {@code assets:} section of artists.yaml and ACTIVE_ASSET_STATUSES. In {@code project} mode (the default,
 * the old tool's) every project has one assets job holding every artist of its active shots. In
 * {@code per_asset} mode each needed asset gets a job of its own: read-write ({@code builderPermission}) for
 * the artists on the asset's tasks while the asset's status is active, read-only ({@code userPermission}) for
 * the artists of the active shots whose {@code assets} field lists it, in {@code template} (relative to each
 * agent's base path, with {@code ${PROJECT}}, {@code ${ASSET_TYPE}} and {@code ${ASSET}}).
 */
public record AssetRules(boolean perAsset, String builderPermission, String userPermission, String template, Set<String> activeStatuses) {
    public static final String ASSET_TYPE = "${ASSET_TYPE}";
    public static final String ASSET = "${ASSET}";
    /** The permissions the console documents for an agent of a job. */
    public static final Set<String> PERMISSIONS = Set.of("rw", "ro", "srw", "sro");

    public AssetRules {
        activeStatuses = Set.copyOf(activeStatuses);
    }

    /** The old tool's: one assets job per project. */
    public static AssetRules projectMode(String assetsTemplate, Set<String> activeStatuses) {
        return new AssetRules(false, "srw", "sro", defaultTemplate(assetsTemplate), activeStatuses);
    }

    /** The template an asset's folder follows unless artists.yaml gives one: the assets folder, then type, then name. */
    public static String defaultTemplate(String assetsTemplate) {
        return assetsTemplate + "/" + ASSET_TYPE + "/" + ASSET;
    }

    public AssetRules withActiveStatuses(Set<String> statuses) {
        return new AssetRules(perAsset, builderPermission, userPermission, template, statuses);
    }

    /** Status codes are compared exactly, as ShotGrid stores them. */
    public boolean isActive(String status) {
        return status != null && activeStatuses.contains(status);
    }

    /** The asset's folder, relative to a base path; each placeholder filled in once, in one pass. */
    public String folder(String tankName, String type, String code) {
        StringBuilder out = new StringBuilder(template.length() + 48);
        int from = 0;
        for (int at = template.indexOf("${", from); at >= 0; at = template.indexOf("${", from)) {
            out.append(template, from, at);
            String value = template.startsWith(PathTemplates.PROJECT, at) ? tankName
                    : template.startsWith(ASSET_TYPE, at) ? type
                    : template.startsWith(ASSET, at) ? code : null;
            int end = template.indexOf('}', at);
            out.append(value == null ? "${" : value);
            from = value == null ? at + 2 : end + 1;
        }
        return out.append(template, from, template.length()).toString();
    }
}
