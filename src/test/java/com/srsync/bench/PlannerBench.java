package com.srsync.bench;

import com.srsync.reconcile.Artist;
import com.srsync.reconcile.DesiredJob;
import com.srsync.reconcile.DeleteGuard;
import com.srsync.reconcile.JobAgent;
import com.srsync.reconcile.JobSettings;
import com.srsync.reconcile.ObservedJob;
import com.srsync.reconcile.OsPaths;
import com.srsync.reconcile.PathTemplates;
import com.srsync.reconcile.ProjectDirectory;
import com.srsync.reconcile.ProjectPlan;
import com.srsync.reconcile.ProjectSnapshot;
import com.srsync.reconcile.Reconciler;
import com.srsync.reconcile.ShotGridUser;
import com.srsync.reconcile.ShotRecord;
import com.srsync.reconcile.StorageAgent;
import com.srsync.reconcile.SyncRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 1. Planner: plan + diff for a synthetic studio of 100 projects, 20,000 active shots, 60,000 tasks,
 * 1,000 artists, against the 20,100 jobs it would have, 5 % of them drifted. Warmed up; median and p99.
 */
class PlannerBench {
    static final int PROJECTS = 100, SHOTS_PER_PROJECT = 200, TASKS_PER_SHOT = 3, ARTISTS = 1000;

    @Test
    void planner() {
        List<Artist> artists = new ArrayList<>();
        for (int a = 0; a < ARTISTS; a++) {
            artists.add(new Artist("Artist " + a, null, null, new StorageAgent(100 + a, "pc" + a, OsPaths.fromSingleBase("/Volumes/Studio"))));
        }
        SyncRules rules = new SyncRules(new StorageAgent(4, "nas", OsPaths.fromSingleBase("/mnt/studio")), artists,
                new PathTemplates("${PROJECT}/2_WORK/1_SEQUENCES/${SEQUENCE}/${SHOT}", "${PROJECT}/2_WORK/2_ASSETS"),
                JobSettings.defaults(), Set.of("active"));
        java.util.Map<Long, String> tanks = new java.util.LinkedHashMap<>();
        for (int p = 0; p < PROJECTS; p++) tanks.put(1000L + p, "P%03d".formatted(p));
        ProjectDirectory site = new ProjectDirectory(tanks, Set.of());
        List<ProjectSnapshot> studio = new ArrayList<>();
        long id = 1;
        for (int p = 0; p < PROJECTS; p++) {
            List<ShotRecord> shots = new ArrayList<>();
            for (int s = 0; s < SHOTS_PER_PROJECT; s++) {
                List<ShotGridUser> users = new ArrayList<>();
                for (int t = 0; t < TASKS_PER_SHOT; t++) {
                    int a = ((p * SHOTS_PER_PROJECT + s) * TASKS_PER_SHOT + t) * 7 % ARTISTS;
                    users.add(ShotGridUser.named(a, "Artist " + a));
                }
                shots.add(new ShotRecord(id++, "SQ%02d_%04d".formatted(s / 20, s * 10), "active", "SQ%02d".formatted(s / 20), users));
            }
            studio.add(new ProjectSnapshot(1000 + p, site, shots));
        }
        Reconciler reconciler = new Reconciler(rules, new DeleteGuard(0.5, 5));

        List<ObservedJob> console = new ArrayList<>();
        long jobId = 1;
        for (ProjectPlan plan : reconciler.planStudio(site, studio, List.of())) {
            for (var op : plan.creates()) {
                DesiredJob d = op.getDesired();
                console.add(new ObservedJob(jobId++, d.name(), d.description(), d.agents()));
            }
        }
        Random random = new Random(42);
        int drifted = 0;
        for (int i = 0; i < console.size(); i++) {
            if (random.nextInt(100) >= 5) continue;
            drifted++;
            ObservedJob j = console.get(i);
            List<JobAgent> agents = new ArrayList<>(j.agents());
            switch (drifted % 3) {
                case 0 -> agents.remove(agents.size() - 1);                                                   // an artist's agent gone
                case 1 -> agents.set(0, new JobAgent(4, "primary_storage", "rw", OsPaths.fromSingleBase("/old/path"), true, null)); // a path changed
                default -> agents.add(new JobAgent(99_999, "enduser", "srw", OsPaths.fromSingleBase("/x"), null, 1)); // a hand-added agent
            }
            console.set(i, new ObservedJob(j.id(), j.name(), j.description(), agents));
        }
        int jobs = console.size();

        List<Double> millis = new ArrayList<>();
        int operations = 0;
        for (int run = 0; run < 80; run++) {
            long t = System.nanoTime();
            List<ProjectPlan> plans = reconciler.planStudio(site, studio, console);
            double ms = (System.nanoTime() - t) / 1e6;
            operations = plans.stream().mapToInt(pl -> pl.operations().size()).sum();
            if (run >= 20) millis.add(ms);   // the first 20 runs warm the JIT up
        }

        BenchReport.section(1, String.join("\n",
                "## 1. Planner: plan + diff of a whole studio",
                "",
                BenchReport.row("projects", "active shots", "tasks", "artists", "existing jobs", "drifted", "operations planned",
                        "median ms", "p99 ms", "runs"),
                BenchReport.row("---", "---", "---", "---", "---", "---", "---", "---", "---", "---"),
                BenchReport.row(PROJECTS, PROJECTS * SHOTS_PER_PROJECT, PROJECTS * SHOTS_PER_PROJECT * TASKS_PER_SHOT, ARTISTS, jobs,
                        drifted, operations, BenchReport.ms(BenchReport.percentile(millis, 50)), BenchReport.ms(BenchReport.percentile(millis, 99)),
                        millis.size() + " after 20 warm-up"),
                "",
                "Target: under 50 ms median. One run plans all 100 projects (`Reconciler.planStudio`, each console job attributed once)."));
    }
}
