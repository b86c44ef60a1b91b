package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reconcile rules as one pure function: a project snapshot and the sync rules in, the jobs that
 * should exist out. Names from ShotGrid are data, never paths: a shot whose code or sequence is not a
 * safe folder name, or whose folder would not lie below an agent's base path, gets no job and is
 * listed as skipped. The project's assets are one job holding every artist of its active shots, or - with
 * {@code assets: {mode: per_asset}} - a job per needed asset ({@link AssetJobs}); switching between the two
 * keeps the old mode's jobs until the new mode's exist (make before break).
 */
public final class JobPlanner {
    private static final String ASSETS_FOLDED = FolderNames.folded(JobNames.ASSETS_SUFFIX);
    private static final String ASSET_INFIX_FOLDED = FolderNames.folded(JobNames.ASSET_INFIX);
    private final SyncRules rules;
    private final JobBuilder builder;

    public JobPlanner(SyncRules rules) {
        this.rules = rules;
        this.builder = new JobBuilder(rules);
    }

    /** @param snapshot a project whose tank name is a safe folder name (see {@link ProjectDirectory#leftAlone}) */
    public DesiredState desired(ProjectSnapshot snapshot) {
        return desired(snapshot, Map.of());
    }

    /**
     * @param snapshot a project whose tank name is a safe folder name (see {@link ProjectDirectory#leftAlone})
     * @param ownJobs  the jobs recorded as this project's, by name, as the console has them: such a job stays its own
     *                 even when another project's tank name could also produce its name (only creates are refused
     *                 then); an artist whose agent id the console's list lacked is added to no job, but stays on a job
     *                 that already holds its agent; the other assets mode's jobs stay until this mode's exist
     */
    public DesiredState desired(ProjectSnapshot snapshot, Map<String, ObservedJob> ownJobs) {
        if (rules.assets().perAsset() && !snapshot.assetsRead()) {
            // read before the mode became per_asset: planned as it was read (the change reconciles every project again)
            AssetRules project = AssetRules.projectMode(rules.templates().assets(), rules.assets().activeStatuses());
            return new JobPlanner(rules.withAssets(project)).desired(snapshot, ownJobs);
        }
        String tank = snapshot.tankName();
        long project = snapshot.projectId();
        Map<String, SkippedArtist> skippedArtists = new LinkedHashMap<>();
        List<SkippedShot> skippedShots = new ArrayList<>();
        ArtistMatching matching = new ArtistMatching(rules, everyone(snapshot), skippedArtists);
        Map<String, ShotGroup> byCode = groups(snapshot, skippedShots, matching);

        List<DesiredJob> jobs = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<Artist> projectArtists = new ArrayList<>();
        List<Artist> projectUnlisted = new ArrayList<>();
        Map<Long, List<Artist>> artistsByShot = new HashMap<>();
        shotJobs(snapshot, ownJobs, byCode, jobs, conflicts, skippedShots, projectArtists, projectUnlisted, artistsByShot);
        String refusal = null;
        List<SkippedAsset> skippedAssets = new ArrayList<>();
        if (rules.assets().perAsset()) {
            AssetJobs.Result assets = assetJobs(snapshot, matching, artistsByShot, ownJobs);
            jobs.addAll(assets.jobs());
            skippedAssets.addAll(assets.skipped());
            conflicts.addAll(assets.conflicts());
        } else {
            String assetsName = JobNames.assetsJob(tank);
            projectArtists.addAll(ArtistMatching.keptOn(ownJobs.get(assetsName), projectUnlisted));
            if (!projectArtists.isEmpty()) {
                JobBuilder.Built assets = builder.forArtists(assetsName, JobKind.ASSETS, "Assets " + tank, project,
                        rules.templates().assetsFolder(tank), ArtistMatching.sorted(projectArtists));
                if (assets.problem() == null) jobs.add(assets.job());
                else refusal = "the assets folder is refused: " + assets.problem() + "; the project's jobs are left alone";
            }
        }
        UniqueJobNames unique = UniqueJobNames.of(jobs);
        conflicts.addAll(unique.held());
        skippedShots.sort(Comparator.comparingLong(SkippedShot::id));
        return new DesiredState(unique.jobs(), new ArrayList<>(skippedArtists.values()), skippedShots, skippedAssets, conflicts, refusal,
                unique.held(), keptForSwitch(tank, unique.jobs(), ownJobs), rules.assets().perAsset());
    }

    /** Every user on the tasks the plan looks at: the active shots' and, per asset, the assets'. */
    private List<ShotGridUser> everyone(ProjectSnapshot snapshot) {
        List<ShotGridUser> users = new ArrayList<>();
        for (ShotRecord shot : snapshot.shots()) if (rules.isActive(shot.status())) users.addAll(shot.assignees());
        if (rules.assets().perAsset()) for (AssetRecord asset : snapshot.assets()) users.addAll(asset.builders());
        return users;
    }

    /** The per-asset jobs: each asset's builders matched to artists (while its status is active), its users from the shots. */
    private AssetJobs.Result assetJobs(ProjectSnapshot snapshot, ArtistMatching matching, Map<Long, List<Artist>> artistsByShot,
                                       Map<String, ObservedJob> ownJobs) {
        Map<Long, List<Artist>> builders = new HashMap<>();
        Map<Long, List<Artist>> unlisted = new HashMap<>();
        for (AssetRecord asset : snapshot.assets()) {
            if (!rules.assets().isActive(asset.status())) continue;
            List<Artist> artists = new ArrayList<>();
            List<Artist> notListed = new ArrayList<>();
            for (ShotGridUser user : asset.builders()) matching.match(user, artists, notListed);
            builders.put(asset.id(), artists);
            unlisted.put(asset.id(), notListed);
        }
        return new AssetJobs(rules, builder).plan(snapshot, artistsByShot, builders, unlisted, ownJobs);
    }

    /**
     * Jobs of the other assets mode, kept as they are until the jobs replacing them are in place - exist and hold
     * every agent they should: with per_asset, the project's assets job while an asset's job is not; with project,
     * the assets' own jobs while the project's assets job is not. (A job is an asset's by its description, which the
     * service writes: a shot coded like one keeps its job.)
     */
    private List<String> keptForSwitch(String tank, List<DesiredJob> desired, Map<String, ObservedJob> ownJobs) {
        Set<String> wanted = new java.util.HashSet<>();
        desired.forEach(j -> wanted.add(j.name()));
        String assetsName = JobNames.assetsJob(tank);
        if (rules.assets().perAsset()) {
            boolean inPlace = desired.stream().filter(j -> j.kind() == JobKind.ASSET).allMatch(j -> inPlace(j, ownJobs));
            return !inPlace && ownJobs.containsKey(assetsName) ? List.of(assetsName) : List.of();
        }
        boolean inPlace = desired.stream().filter(j -> j.kind() == JobKind.ASSETS).allMatch(j -> inPlace(j, ownJobs));
        if (inPlace) return List.of();
        return ownJobs.values().stream().filter(j -> !wanted.contains(j.name()) && isAssetsOwnJob(j, tank)).map(ObservedJob::name).sorted().toList();
    }

    /** True when the console has the job and it holds every agent it should (its permissions aside). */
    private static boolean inPlace(DesiredJob job, Map<String, ObservedJob> ownJobs) {
        ObservedJob observed = ownJobs.get(job.name());
        if (observed == null) return false;
        Set<Long> held = new java.util.HashSet<>();
        observed.agents().forEach(a -> held.add(a.id()));
        return job.agents().stream().allMatch(a -> held.contains(a.id()));
    }

    /** True for a job the service made for one asset (per_asset): its name and the title of its description say so. */
    static boolean isAssetsOwnJob(ObservedJob job, String tank) {
        JobIdentity identity = JobIdentity.of(tank, job.name(), job.description());
        return identity != null && identity.kind() == JobKind.ASSET;
    }

    /** Each shot group's job (or why it has none), the artists who count for the project's assets, and each shot's artists. */
    private void shotJobs(ProjectSnapshot snapshot, Map<String, ObservedJob> ownJobs, Map<String, ShotGroup> byCode, List<DesiredJob> jobs,
                          List<String> conflicts, List<SkippedShot> skippedShots, List<Artist> projectArtists, List<Artist> projectUnlisted,
                          Map<Long, List<Artist>> artistsByShot) {
        String tank = snapshot.tankName();
        Set<String> tanks = snapshot.directory().tankNames();
        for (Map.Entry<String, ShotGroup> e : byCode.entrySet()) {
            String code = e.getKey();
            ShotGroup group = e.getValue();
            String name = JobNames.shotJob(tank, code);
            projectUnlisted.addAll(group.unlisted);
            List<Artist> all = new ArrayList<>(group.artists);
            all.addAll(ArtistMatching.keptOn(ownJobs.get(name), group.unlisted));
            List<Artist> artists = ArtistMatching.sorted(all);
            if (artists.isEmpty()) continue;
            if (!ownJobs.containsKey(name) && !JobNames.owner(name, tanks).map(tank::equals).orElse(false)) {
                projectArtists.addAll(artists);
                conflicts.add(name);                        // not made: the name would read as another project's
                continue;
            }
            String folder = rules.templates().shotFolder(tank, group.sequence, code);
            JobBuilder.Built built = builder.forArtists(name, JobKind.SHOT, "Shot " + code, snapshot.projectId(), folder, artists);
            if (built.problem() != null) {
                for (ShotRecord shot : group.shots) skippedShots.add(new SkippedShot(shot.id(), shot.code(), "its folder is refused: " + built.problem()));
                continue;
            }
            projectArtists.addAll(artists);
            for (ShotRecord shot : group.shots) artistsByShot.put(shot.id(), artists);
            jobs.add(built.job());
        }
    }

    /**
     * The project's active shots that may have a job, by code, with their artists. A shot is skipped (and
     * listed with the reason) when a name in its path is unsafe, when its job would carry the project's
     * assets job's name (or, per_asset, an asset job's form), or when its folder is another shot's on Windows or
     * macOS (same code but for case or Unicode form: the shot with the lowest id keeps its job). An artist listed by
     * display name only whom two ShotGrid users share is matched to neither.
     */
    private Map<String, ShotGroup> groups(ProjectSnapshot snapshot, List<SkippedShot> skippedShots, ArtistMatching matching) {
        List<ShotRecord> active = snapshot.shots().stream().filter(s -> rules.isActive(s.status()))
                .sorted(Comparator.comparingLong(ShotRecord::id)).toList();
        Map<String, ShotRecord> firstByFolder = new HashMap<>();
        Map<String, ShotGroup> byCode = new TreeMap<>();
        for (ShotRecord shot : active) {
            Optional<String> skip = nameProblem(shot).or(() -> collision(snapshot.tankName(), shot, firstByFolder));
            if (skip.isPresent()) {
                skippedShots.add(new SkippedShot(shot.id(), shot.code(), skip.get()));
                continue;
            }
            ShotGroup group = byCode.computeIfAbsent(shot.code(), c -> new ShotGroup(sequenceOf(shot)));
            group.shots.add(shot);
            for (ShotGridUser user : shot.assignees()) matching.match(user, group.artists, group.unlisted);
        }
        return byCode;
    }

    /**
     * Why the shot's job would be another job: the project's assets job, an asset's job (per_asset: a code that
     * starts with {@code Asset_}), or the job of a shot whose folder is the same on Windows and macOS.
     */
    private Optional<String> collision(String tank, ShotRecord shot, Map<String, ShotRecord> firstByFolder) {
        String folded = FolderNames.folded(shot.code());
        if (folded.equals(ASSETS_FOLDED)) {                  // HybridWork_<tank>_<code> is then the assets job's name
            return Optional.of("its job would be named " + FolderNames.printable(JobNames.shotJob(tank, shot.code()))
                    + ", the name of the project's assets job; rename the shot");
        }
        if (rules.assets().perAsset() && folded.startsWith(ASSET_INFIX_FOLDED)) {
            return Optional.of("its job would be named " + FolderNames.printable(JobNames.shotJob(tank, shot.code()))
                    + ", the form of an asset's job (assets: per_asset); rename the shot");
        }
        ShotRecord first = firstByFolder.putIfAbsent(folded, shot);
        if (first == null || first.code().equals(shot.code())) return Optional.empty();
        return Optional.of("its folder '" + FolderNames.printable(shot.code()) + "' is shot '" + FolderNames.printable(first.code()) + "' (id "
                + first.id() + ")'s on Windows and macOS, which ignore case and Unicode form; shot " + first.id() + " keeps its job");
    }

    /** Why the shot's code, or its sequence when the template uses it, cannot be a folder; empty when both can. */
    private Optional<String> nameProblem(ShotRecord shot) {
        Optional<String> code = FolderNames.problem(shot.code());
        if (code.isPresent()) return Optional.of("shot code '" + FolderNames.printable(shot.code()) + "' " + code.get());
        if (!rules.templates().usesSequence()) return Optional.empty();
        String sequence = sequenceOf(shot);
        return FolderNames.problem(sequence).map(p -> "sequence '" + FolderNames.printable(sequence) + "' " + p);
    }

    private String sequenceOf(ShotRecord shot) {
        return shot.sequence() == null || shot.sequence().isBlank() ? rules.jobSettings().sequenceFallback() : shot.sequence();
    }

    private static final class ShotGroup {
        final String sequence;
        final List<ShotRecord> shots = new ArrayList<>();
        final List<Artist> artists = new ArrayList<>();
        final List<Artist> unlisted = new ArrayList<>();   // artists whose agent id the console's list lacked

        ShotGroup(String sequence) {
            this.sequence = sequence;
        }
    }
}
