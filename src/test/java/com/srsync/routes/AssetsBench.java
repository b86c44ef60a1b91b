package com.srsync.routes;

import static com.srsync.stubs.ShotGridSite.user;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.srsync.bench.BenchReport;
import com.srsync.reconcile.Artist;
import com.srsync.reconcile.AssetRecord;
import com.srsync.reconcile.AssetRules;
import com.srsync.reconcile.DeleteGuard;
import com.srsync.reconcile.DesiredJob;
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
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 13 and 14. Assets per asset: a project of 500 active shots and 2,000 assets, each shot using 5 to 20 of them, a quarter
 * of the assets in work with one or two builders. How long its plan takes (plan + diff against the jobs it would
 * have, warmed up), and what one reconcile of it costs through the real routes: ShotGrid requests by entity (page
 * reads only) and console requests.
 */
class AssetsBench extends ServiceTestSupport {
    static final int SHOTS = 500, ASSETS = 2000, ARTISTS = 200;
    private static final String[] TYPES = {"Character", "Prop", "Environment", "Vehicle"};

    @Override
    void moreProperties(Properties p) {
        p.put("artists.file", AssetRoutesTest.artistsFile(AssetRoutesTest.PER_ASSET).toString());
    }

    /** Which assets shot {@code s} uses: 5 to 20 of them, spread over the library. */
    static List<Integer> assetsOf(int s) {
        List<Integer> out = new ArrayList<>();
        int count = 5 + (s * 7) % 16;
        for (int k = 0; k < count; k++) out.add((s * 37 + k * 101) % ASSETS);
        return out.stream().distinct().toList();
    }

    static boolean inWork(int asset) {
        return asset % 4 == 0;
    }

    @Test
    void planning() {
        List<Artist> artists = new ArrayList<>();
        for (int a = 0; a < ARTISTS; a++) {
            artists.add(new Artist("Artist " + a, null, null, new StorageAgent(100 + a, "pc" + a, OsPaths.fromSingleBase("/Volumes/Studio"))));
        }
        PathTemplates templates = new PathTemplates("${PROJECT}/2_WORK/1_SEQUENCES/${SEQUENCE}/${SHOT}", "${PROJECT}/2_WORK/2_ASSETS");
        SyncRules rules = new SyncRules(new StorageAgent(4, "nas", OsPaths.fromSingleBase("/mnt/studio")), artists, templates,
                JobSettings.defaults(), Set.of("active"), new AssetRules(true, "srw", "sro", AssetRules.defaultTemplate(templates.assets()),
                Set.of("ip", "rev")));
        List<ShotRecord> shots = new ArrayList<>();
        int links = 0;
        for (int s = 0; s < SHOTS; s++) {
            List<ShotGridUser> users = new ArrayList<>();
            for (int t = 0; t < 3; t++) users.add(ShotGridUser.named((s * 3 + t) * 7 % ARTISTS, "Artist " + (s * 3 + t) * 7 % ARTISTS));
            List<Long> used = assetsOf(s).stream().map(a -> 70_000L + a).toList();
            links += used.size();
            shots.add(new ShotRecord(10_000 + s, "SQ%02d_%04d".formatted(s / 50, s % 50 * 10), "active", "SQ%02d".formatted(s / 50), users, used));
        }
        List<AssetRecord> assets = new ArrayList<>();
        for (int a = 0; a < ASSETS; a++) {
            List<ShotGridUser> builders = new ArrayList<>();
            if (inWork(a)) for (int b = 0; b <= a % 2; b++) builders.add(ShotGridUser.named((a + b * 13) % ARTISTS, "Artist " + (a + b * 13) % ARTISTS));
            assets.add(new AssetRecord(70_000 + a, "asset%04d".formatted(a), TYPES[a % 4], inWork(a) ? "ip" : "cmpt", builders));
        }
        ProjectSnapshot snapshot = new ProjectSnapshot(155, new ProjectDirectory(Map.of(155L, "TST"), Set.of()), shots, assets);
        Reconciler reconciler = new Reconciler(rules, new DeleteGuard(0.5, 5));
        List<ObservedJob> console = new ArrayList<>();
        long id = 1;
        for (var op : reconciler.plan(snapshot, List.of()).creates()) {
            DesiredJob d = op.getDesired();
            console.add(new ObservedJob(id++, d.name(), d.description(), d.agents()));
        }
        List<ObservedJob> drifted = new ArrayList<>(console);
        int changed = 0;
        for (int i = 0; i < drifted.size(); i += 20, changed++) {         // 5 %: an artist's agent gone from the job
            ObservedJob j = drifted.get(i);
            drifted.set(i, new ObservedJob(j.id(), j.name(), j.description(), j.agents().subList(0, j.agents().size() - 1)));
        }
        List<Double> millis = new ArrayList<>();
        int operations = 0;
        for (int run = 0; run < 80; run++) {
            long t = System.nanoTime();
            ProjectPlan plan = reconciler.plan(snapshot, drifted);
            double ms = (System.nanoTime() - t) / 1e6;
            operations = plan.operations().size();
            if (run >= 20) millis.add(ms);
        }
        long assetJobs = console.stream().filter(j -> j.name().startsWith("HybridWork_TST_Asset_")).count();
        BenchReport.section(13, String.join("\n",
                "## 13. Assets per asset: one project, " + SHOTS + " active shots, " + ASSETS + " assets",
                "",
                BenchReport.row("shot-asset links", "assets in work", "jobs (asset jobs)", "drifted", "operations planned", "median ms", "p99 ms", "runs"),
                BenchReport.row("---", "---", "---", "---", "---", "---", "---", "---"),
                BenchReport.row(links, ASSETS / 4, console.size() + " (" + assetJobs + ")", changed, operations,
                        BenchReport.ms(BenchReport.percentile(millis, 50)), BenchReport.ms(BenchReport.percentile(millis, 99)),
                        millis.size() + " after 20 warm-up"),
                "",
                "Target: under 200 ms. Plan + diff of the one project (`Reconciler.plan`), 3 artists per shot out of " + ARTISTS + "."));
    }

    @Test
    void requests_per_reconcile() throws Exception {
        site.project(155, "TST");
        for (int a = 0; a < ASSETS; a++) {
            site.asset(70_000 + a, 155, TYPES[a % 4], "asset%04d".formatted(a), inWork(a) ? "ip" : "cmpt");
            if (inWork(a)) site.assetTask(90_000 + a, 70_000 + a, user(8, "Matthew Testuser"));
        }
        for (int s = 0; s < SHOTS; s++) {
            site.shot(10_000 + s, 155, "TST_%03d_%04d".formatted(s / 50, s % 50 * 10), "active", "TST_%03d".formatted(s / 50));
            site.task(50_000 + s, 10_000 + s, user(7 + s % 2, s % 2 == 0 ? "Alex Trial" : "Matthew Testuser"));
            site.uses(10_000 + s, assetsOf(s).stream().mapToLong(a -> 70_000L + a).toArray());
        }
        site.install();
        console.install();
        shotgridServer.resetRequests();
        resilioServer.resetRequests();

        long t = System.nanoTime();
        reconcile(155L);
        double seconds = (System.nanoTime() - t) / 1e9;

        Map<String, Integer> byEntity = new TreeMap<>();
        int other = 0;
        for (ServeEvent e : shotgridServer.getAllServeEvents()) {
            String url = e.getRequest().getUrl();
            if (url.endsWith("/_search")) byEntity.merge(url.replaceAll(".*/entity/([a-z_]+)/_search", "$1"), 1, Integer::sum);
            else other++;
        }
        int searches = byEntity.values().stream().mapToInt(Integer::intValue).sum();
        int resilio = resilioServer.getAllServeEvents().size();
        BenchReport.section(14, String.join("\n",
                "## 14. Assets per asset: what one reconcile of that project asks",
                "",
                "Through the routes (ShotGrid on WireMock, console empty: every job is a create), `assets: {mode: per_asset}`:",
                "",
                BenchReport.row("ShotGrid page reads", "by entity", "other ShotGrid requests", "console requests", "seconds"),
                BenchReport.row("---", "---", "---", "---", "---"),
                BenchReport.row(searches, byEntity.toString(), other + " (the login)", resilio + " (its reads and " + console.writes().size()
                        + " creates)", "%.1f".formatted(seconds)),
                "",
                "500 rows a page, read by key: the requests grow with the rows read, never with one request per shot or per asset."));
    }
}
