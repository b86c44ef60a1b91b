package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * With {@code assets: {mode: per_asset}}: the job of each needed asset. An asset is needed when an artist is on
 * one of its tasks while its status is active (a builder: read-write), or it is used by an active shot that has
 * a job (that shot's artists: read-only) - the builder's permission winning for an artist who is both. An asset
 * put on hold keeps its users (a shot in progress needs its assets) and loses its builders. Its job is
 * {@code HybridWork_<tank>_Asset_<type>_<code>} at the asset template; an asset whose type or code cannot be a
 * folder, whose job's name another asset's job already has (compared as Windows and macOS compare names), or whose
 * name would read as another project's, gets none, with why. Pure.
 */
final class AssetJobs {
    /** The assets' jobs, those left out, and the names not made because they would be another project's. */
    record Result(List<DesiredJob> jobs, List<SkippedAsset> skipped, List<String> conflicts) {}

    private final SyncRules rules;
    private final JobBuilder builder;

    AssetJobs(SyncRules rules, JobBuilder builder) {
        this.rules = rules;
        this.builder = builder;
    }

    /**
     * @param artistsByShot the artists of each active shot that has a job (skipped shots count as not active)
     * @param builders      each asset's builders, matched to artists (only for assets in an active status)
     * @param unlisted      each asset's builders whose agent the console's list lacked: kept on its job if it holds them
     * @param ownJobs       the project's jobs as the console has them, by name
     */
    Result plan(ProjectSnapshot snapshot, Map<Long, List<Artist>> artistsByShot, Map<Long, List<Artist>> builders,
                Map<Long, List<Artist>> unlisted, Map<String, ObservedJob> ownJobs) {
        String tank = snapshot.tankName();
        AssetRules assets = rules.assets();
        Set<String> tanks = snapshot.directory().tankNames();
        Map<Long, List<Artist>> users = usersByAsset(snapshot, artistsByShot);
        List<DesiredJob> jobs = new ArrayList<>();
        List<SkippedAsset> skipped = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Map<String, AssetRecord> firstByName = new HashMap<>();
        for (AssetRecord asset : snapshot.assets().stream().sorted(Comparator.comparingLong(AssetRecord::id)).toList()) {
            String name = JobNames.assetJob(tank, asset.type(), asset.code());
            List<Artist> building = new ArrayList<>(builders.getOrDefault(asset.id(), List.of()));
            building.addAll(ArtistMatching.keptOn(ownJobs.get(name), unlisted.getOrDefault(asset.id(), List.of())));
            List<Artist> using = users.getOrDefault(asset.id(), List.of());
            if (building.isEmpty() && using.isEmpty()) continue;             // not needed
            Optional<String> problem = nameProblem(asset).or(() -> collision(name, asset, firstByName));
            if (problem.isPresent()) {
                skipped.add(new SkippedAsset(asset.id(), asset.code(), asset.type(), problem.get()));
                continue;
            }
            if (!ownJobs.containsKey(name) && !JobNames.owner(name, tanks).map(tank::equals).orElse(false)) {
                conflicts.add(name);                                        // not made: the name would read as another project's
                continue;
            }
            List<JobBuilder.Member> members = new ArrayList<>();
            ArtistMatching.sorted(building).forEach(a -> members.add(new JobBuilder.Member(a, assets.builderPermission())));
            ArtistMatching.sorted(using).forEach(a -> members.add(new JobBuilder.Member(a, assets.userPermission())));
            JobBuilder.Built built = builder.build(name, JobKind.ASSET, JobIdentity.assetTitle(asset.type(), asset.code()), snapshot.projectId(),
                    assets.folder(tank, asset.type(), asset.code()), members);
            if (built.problem() != null) skipped.add(new SkippedAsset(asset.id(), asset.code(), asset.type(), "its folder is refused: " + built.problem()));
            else jobs.add(built.job());
        }
        return new Result(jobs, skipped, conflicts);
    }

    /** Each asset's users: the artists of the active shots with a job whose {@code assets} field lists it. */
    private static Map<Long, List<Artist>> usersByAsset(ProjectSnapshot snapshot, Map<Long, List<Artist>> artistsByShot) {
        Map<Long, List<Artist>> users = new LinkedHashMap<>();
        for (ShotRecord shot : snapshot.shots()) {
            List<Artist> artists = artistsByShot.get(shot.id());
            if (artists == null) continue;
            for (Long asset : shot.assetIds()) users.computeIfAbsent(asset, a -> new ArrayList<>()).addAll(artists);
        }
        return users;
    }

    /** Why the asset's type or code cannot be a folder; empty when both can. */
    private static Optional<String> nameProblem(AssetRecord asset) {
        if (asset.type() == null || asset.type().isBlank()) return Optional.of("it has no asset type (sg_asset_type): its folder is by type, then name");
        Optional<String> type = FolderNames.problem(asset.type());
        if (type.isPresent()) return Optional.of("asset type '" + FolderNames.printable(asset.type()) + "' " + type.get());
        return FolderNames.problem(asset.code()).map(p -> "asset code '" + FolderNames.printable(asset.code()) + "' " + p);
    }

    /** Why the asset's job would be another asset's (same name ignoring case and Unicode form): the lower id keeps it. */
    private static Optional<String> collision(String name, AssetRecord asset, Map<String, AssetRecord> firstByName) {
        AssetRecord first = firstByName.putIfAbsent(FolderNames.folded(name), asset);
        if (first == null) return Optional.empty();
        return Optional.of("its job would be named " + FolderNames.printable(name) + ", as asset " + first.id() + " ("
                + FolderNames.printable(first.type()) + "/" + FolderNames.printable(first.code()) + ")'s, compared as Windows and macOS "
                + "compare names; asset " + first.id() + " keeps its job");
    }
}
