package com.srsync.reconcile;

import java.util.List;

/**
 * The jobs one project should have, plus who was left out and which shots and assets could not get a job.
 *
 * @param skippedShots  active shots refused a job because a name in their path is unsafe
 * @param skippedAssets needed assets refused a job of their own (per_asset), and why
 * @param conflicts     jobs not made because their name would belong to another project under the longest
 *                      tank-name rule (for example tank {@code TST} shot {@code B_010} when a project {@code TST_B}
 *                      exists), or because two desired jobs would share it
 * @param refusal       null; or why nothing of the project may be written (its assets folder is refused)
 * @param held          names two desired jobs shared: neither is created, changed or deleted (also in conflicts)
 * @param kept          jobs of the other assets mode that stay as they are until the jobs replacing them exist
 *                      (make before break); not changed, not deleted
 * @param perAsset      the assets mode this plan was made in: per_asset (a snapshot read without its assets is
 *                      planned in project mode)
 */
public record DesiredState(List<DesiredJob> jobs, List<SkippedArtist> skippedArtists, List<SkippedShot> skippedShots,
                           List<SkippedAsset> skippedAssets, List<String> conflicts, String refusal, List<String> held,
                           List<String> kept, boolean perAsset) {
    public DesiredState {
        jobs = List.copyOf(jobs);
        skippedArtists = List.copyOf(skippedArtists);
        skippedShots = List.copyOf(skippedShots);
        skippedAssets = List.copyOf(skippedAssets);
        conflicts = List.copyOf(conflicts);
        held = List.copyOf(held);
        kept = List.copyOf(kept);
    }

    /** True when {@code jobName} is one of the held names (compared as Windows and macOS compare folder names). */
    public boolean holds(String jobName) {
        if (held.isEmpty()) return false;
        String folded = FolderNames.folded(jobName);
        return held.stream().anyMatch(h -> FolderNames.folded(h).equals(folded));
    }
}
