package com.srsync.reconcile;

import java.util.List;

/**
 * The jobs one project should have, plus who was left out and which shots could not get a job.
 *
 * @param conflicts shots whose job name would belong to another project under the longest tank-name
 *                  rule (for example tank {@code TST} shot {@code B_010} when a project {@code TST_B} exists)
 */
public record DesiredState(List<DesiredJob> jobs, List<SkippedArtist> skippedArtists, List<String> conflicts) {
    public DesiredState {
        jobs = List.copyOf(jobs);
        skippedArtists = List.copyOf(skippedArtists);
        conflicts = List.copyOf(conflicts);
    }
}
