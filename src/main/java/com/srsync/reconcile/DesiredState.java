package com.srsync.reconcile;

import java.util.List;

/**
 * The jobs one project should have, plus who was left out and which shots could not get a job.
 *
 * @param skippedShots active shots refused a job because a name in their path is unsafe
 * @param conflicts    shots whose job name would belong to another project under the longest tank-name
 *                     rule (for example tank {@code TST} shot {@code B_010} when a project {@code TST_B} exists)
 * @param refusal      null; or why nothing of the project may be written (its assets folder is refused)
 */
public record DesiredState(List<DesiredJob> jobs, List<SkippedArtist> skippedArtists, List<SkippedShot> skippedShots,
                           List<String> conflicts, String refusal) {
    public DesiredState {
        jobs = List.copyOf(jobs);
        skippedArtists = List.copyOf(skippedArtists);
        skippedShots = List.copyOf(skippedShots);
        conflicts = List.copyOf(conflicts);
    }
}
