package com.srsync.reconcile;

/**
 * What a managed job of a project is for, told from its name and the description the service wrote: a shot (its
 * code), the project's assets, or one asset (its type and code, as "Character/Hero"). A name of the form
 * {@code HybridWork_<tank>_Asset_...} is an asset's only when its description says so - in project mode a shot may be
 * coded like that.
 *
 * @param subject the shot's code, or the asset's "type/code"; null for the project's assets job
 */
public record JobIdentity(JobKind kind, String subject) {
    static final String ASSET_TITLE = "Asset ";
    private static final String FOR = " for: ";

    /** The job's identity, or null when the name is not one of the project's (no tank name, another prefix). */
    public static JobIdentity of(String tank, String name, String description) {
        if (tank == null || name == null) return null;
        if (name.equals(JobNames.assetsJob(tank))) return new JobIdentity(JobKind.ASSETS, null);
        if (JobNames.isAssetJob(name, tank) && description != null && description.startsWith(ASSET_TITLE)) {
            int end = description.indexOf(FOR);
            return new JobIdentity(JobKind.ASSET, description.substring(ASSET_TITLE.length(), end < 0 ? description.length() : end));
        }
        String prefix = JobNames.PREFIX + tank + "_";
        return name.startsWith(prefix) ? new JobIdentity(JobKind.SHOT, name.substring(prefix.length())) : null;
    }

    /** The title a desired job's description opens with: "Asset Character/Hero". */
    static String assetTitle(String type, String code) {
        return ASSET_TITLE + type + "/" + code;
    }
}
