package com.srsync.app;

import com.srsync.reconcile.AssetRecord;
import com.srsync.reconcile.ProjectPlan;
import com.srsync.reconcile.ProjectSnapshot;
import com.srsync.reconcile.ShotRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What the last reconcile of each project saw and planned: its active shots with their assignees (and, per asset,
 * its assets with their builders), and its plan. The status page is served from this (and the delivery board), so a page load costs no
 * ShotGrid or console request; {@code GET /admin/plan} stays the live computation. Leader-scoped.
 */
public final class ProjectPictures implements com.srsync.cluster.TermScoped {
    /**
     * One project as its last reconcile saw it.
     *
     * @param assets with {@code assets: per_asset}: the assets it read (active, or used by an active shot); else empty
     */
    public record Picture(long project, String tankName, Instant plannedAt, List<ShotRecord> activeShots, List<AssetRecord> assets,
                          ProjectPlan plan) {
        public Picture {
            activeShots = List.copyOf(activeShots);
            assets = List.copyOf(assets);
        }
    }

    private final Clock clock;
    private final Map<Long, Picture> pictures = new ConcurrentSkipListMap<>();

    public ProjectPictures(Clock clock) {
        this.clock = clock;
    }

    /** After a reconcile's plan (reconcile.yaml). */
    public void planned(ProjectSnapshot snapshot, ProjectPlan plan) {
        pictures.put(snapshot.projectId(), new Picture(snapshot.projectId(), snapshot.tankName(), clock.instant(), snapshot.shots(),
                snapshot.assets(), plan));
    }

    /** Why an active shot of the project has no job, as its last plan said; null when it said nothing of it. */
    public String whyNoJob(long project, long shotId) {
        Picture p = pictures.get(project);
        if (p == null) return null;
        return p.plan().skippedShots().stream().filter(s -> s.id() == shotId).map(com.srsync.reconcile.SkippedShot::reason).findFirst()
                .orElse(p.plan().leftAlone());
    }

    @Override
    public void forgetTerm() {
        pictures.clear();
    }

    /** Every project's, ordered by id; only {@code project}'s when it is not null. */
    public List<Picture> pictures(Long project) {
        if (project != null) {
            Picture p = pictures.get(project);
            return p == null ? List.of() : List.of(p);
        }
        return new ArrayList<>(pictures.values());
    }
}
