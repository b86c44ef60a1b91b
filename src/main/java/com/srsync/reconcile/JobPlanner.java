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
import java.util.TreeSet;

/**
 * The reconcile rules as one pure function: a project snapshot and the sync rules in, the jobs that
 * should exist out. Names from ShotGrid are data, never paths: a shot whose code or sequence is not a
 * safe folder name, or whose folder would not lie below an agent's base path, gets no job and is
 * listed as skipped.
 */
public final class JobPlanner {
    private static final String ASSETS_FOLDED = FolderNames.folded(JobNames.ASSETS_SUFFIX);
    private final SyncRules rules;

    public JobPlanner(SyncRules rules) {
        this.rules = rules;
    }

    /** @param snapshot a project whose tank name is a safe folder name (see {@link ProjectDirectory#leftAlone}) */
    public DesiredState desired(ProjectSnapshot snapshot) {
        return desired(snapshot, Set.of());
    }

    /**
     * @param snapshot a project whose tank name is a safe folder name (see {@link ProjectDirectory#leftAlone})
     * @param ownJobs  the names of the jobs recorded as this project's: such a job stays its own even when
     *                 another project's tank name could also produce its name (only creates are refused then)
     */
    public DesiredState desired(ProjectSnapshot snapshot, Set<String> ownJobs) {
        Map<String, Set<Long>> none = new HashMap<>();
        for (String name : ownJobs) none.put(name, Set.of());
        return desired(snapshot, none);
    }

    /**
     * @param ownJobAgents the jobs recorded as this project's, by name, with the agent ids each holds now: an
     *                     artist whose agent id the console's list lacked is added to no job, but stays on a job
     *                     that already holds its agent
     */
    public DesiredState desired(ProjectSnapshot snapshot, Map<String, Set<Long>> ownJobAgents) {
        String tank = snapshot.tankName();
        long project = snapshot.projectId();
        Map<String, SkippedArtist> skippedArtists = new LinkedHashMap<>();
        List<SkippedShot> skippedShots = new ArrayList<>();
        Map<String, ShotGroup> byCode = groups(snapshot, skippedShots, skippedArtists);

        List<DesiredJob> jobs = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<Artist> projectArtists = new ArrayList<>();
        List<Artist> projectUnlisted = new ArrayList<>();
        shotJobs(snapshot, ownJobAgents, byCode, jobs, conflicts, skippedShots, projectArtists, projectUnlisted);
        String refusal = null;
        String assetsName = JobNames.assetsJob(tank);
        projectArtists.addAll(keptOn(assetsName, projectUnlisted, ownJobAgents));
        if (!projectArtists.isEmpty()) {
            Built assets = job(assetsName, JobKind.ASSETS, "Assets " + tank, project,
                    rules.templates().assetsFolder(tank), sorted(projectArtists));
            if (assets.problem == null) jobs.add(assets.job);
            else refusal = "the assets folder is refused: " + assets.problem + "; the project's jobs are left alone";
        }
        UniqueJobNames unique = UniqueJobNames.of(jobs);
        conflicts.addAll(unique.held());
        skippedShots.sort(Comparator.comparingLong(SkippedShot::id));
        return new DesiredState(unique.jobs(), new ArrayList<>(skippedArtists.values()), skippedShots, conflicts, refusal, unique.held());
    }

    /** The artists of {@code unlisted} whose agent the job of this name holds now: they stay on it. */
    private static List<Artist> keptOn(String jobName, List<Artist> unlisted, Map<String, Set<Long>> ownJobAgents) {
        Set<Long> holds = ownJobAgents.getOrDefault(jobName, Set.of());
        return unlisted.stream().filter(a -> holds.contains(a.agent().id())).toList();
    }

    /** Each shot group's job (or why it has none), and the artists who count for the assets job. */
    private void shotJobs(ProjectSnapshot snapshot, Map<String, Set<Long>> ownJobAgents, Map<String, ShotGroup> byCode, List<DesiredJob> jobs,
                          List<String> conflicts, List<SkippedShot> skippedShots, List<Artist> projectArtists, List<Artist> projectUnlisted) {
        String tank = snapshot.tankName();
        Set<String> tanks = snapshot.directory().tankNames();
        Set<String> ownJobs = ownJobAgents.keySet();
        for (Map.Entry<String, ShotGroup> e : byCode.entrySet()) {
            String code = e.getKey();
            ShotGroup group = e.getValue();
            String name = JobNames.shotJob(tank, code);
            projectUnlisted.addAll(group.unlisted);
            List<Artist> all = new ArrayList<>(group.artists);
            all.addAll(keptOn(name, group.unlisted, ownJobAgents));
            List<Artist> artists = sorted(all);
            if (artists.isEmpty()) continue;
            if (!ownJobs.contains(name) && !JobNames.owner(name, tanks).map(tank::equals).orElse(false)) {
                projectArtists.addAll(artists);
                conflicts.add(name);                        // not made: the name would read as another project's
                continue;
            }
            String folder = rules.templates().shotFolder(tank, group.sequence, code);
            Built built = job(name, JobKind.SHOT, "Shot " + code, snapshot.projectId(), folder, artists);
            if (built.problem != null) {
                for (ShotRecord shot : group.shots) skippedShots.add(new SkippedShot(shot.id(), shot.code(), "its folder is refused: " + built.problem));
                continue;
            }
            projectArtists.addAll(artists);
            jobs.add(built.job);
        }
    }

    /**
     * The project's active shots that may have a job, by code, with their artists. A shot is skipped (and
     * listed with the reason) when a name in its path is unsafe, when its job would carry the project's
     * assets job's name, or when its folder is another shot's on Windows or macOS (same code but for case or
     * Unicode form: the shot with the lowest id keeps its job). An artist listed by display name only whom two
     * ShotGrid users share is matched to neither.
     */
    private Map<String, ShotGroup> groups(ProjectSnapshot snapshot, List<SkippedShot> skippedShots, Map<String, SkippedArtist> skippedArtists) {
        List<ShotRecord> active = snapshot.shots().stream().filter(s -> rules.isActive(s.status()))
                .sorted(Comparator.comparingLong(ShotRecord::id)).toList();
        Map<String, Set<Long>> sharedNames = rules.artistsByNameOnly().isEmpty() ? Map.of() : sharedDisplayNames(active);
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
            for (ShotGridUser user : shot.assignees()) {
                Set<Long> sharing = user.name() == null ? null : sharedNames.get(user.name());
                Optional<Artist> artist = sharing != null && rules.matchesByNameOnly(user) ? Optional.empty() : rules.artistFor(user);
                Optional<String> unusable = artist.flatMap(rules::unavailable);
                if (unusable.isPresent()) {
                    skippedArtists.putIfAbsent(artist.get().displayName(), new SkippedArtist(artist.get().displayName(), unusable.get()
                            + (rules.isUnlisted(artist.get()) ? "; added to no job, and left on the jobs that already hold it" : "")));
                    if (rules.isUnlisted(artist.get())) group.unlisted.add(artist.get());
                } else if (artist.isPresent()) {
                    group.artists.add(artist.get());
                } else if (sharing != null) {
                    skippedArtists.putIfAbsent(user.name(), new SkippedArtist(user.name(), sharing.size() + " ShotGrid users are named '"
                            + user.name() + "' (ids " + new TreeSet<>(sharing) + "): matched to neither; list the artist's login or email in artists.yaml"));
                } else if (user.name() != null) {
                    skippedArtists.putIfAbsent(user.name(), new SkippedArtist(user.name(), SkippedArtist.NOT_CONFIGURED));
                }
            }
        }
        return byCode;
    }

    /** Why the shot's job would be another job: the project's assets job, or the job of a shot whose folder is the same on Windows and macOS. */
    private static Optional<String> collision(String tank, ShotRecord shot, Map<String, ShotRecord> firstByFolder) {
        String folded = FolderNames.folded(shot.code());
        if (folded.equals(ASSETS_FOLDED)) {                  // HybridWork_<tank>_<code> is then the assets job's name
            return Optional.of("its job would be named " + FolderNames.printable(JobNames.shotJob(tank, shot.code()))
                    + ", the name of the project's assets job; rename the shot");
        }
        ShotRecord first = firstByFolder.putIfAbsent(folded, shot);
        if (first == null || first.code().equals(shot.code())) return Optional.empty();
        return Optional.of("its folder '" + FolderNames.printable(shot.code()) + "' is shot '" + FolderNames.printable(first.code()) + "' (id "
                + first.id() + ")'s on Windows and macOS, which ignore case and Unicode form; shot " + first.id() + " keeps its job");
    }

    /** Display names that two or more ShotGrid users share, among those matched by display name only, with their user ids. */
    private Map<String, Set<Long>> sharedDisplayNames(List<ShotRecord> shots) {
        Map<String, Set<Long>> ids = new HashMap<>();
        for (ShotRecord shot : shots) {
            for (ShotGridUser user : shot.assignees()) {
                if (rules.matchesByNameOnly(user)) ids.computeIfAbsent(user.name(), n -> new java.util.HashSet<>()).add(user.id());
            }
        }
        ids.values().removeIf(set -> set.size() < 2);
        return ids;
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

    private record Built(DesiredJob job, String problem) {}

    private Built job(String name, JobKind kind, String title, long project, String folder, List<Artist> artists) {
        JobSettings settings = rules.jobSettings();
        List<JobAgent> agents = new ArrayList<>();
        StorageAgent primary = rules.primaryStorage();
        Map<OsPaths, OsPaths> resolved = new HashMap<>();   // agents mostly share a base path: resolve and check each once
        Map<Long, StorageAgent> endUsers = new TreeMap<>();
        for (Artist a : artists) endUsers.putIfAbsent(a.agent().id(), a.agent());
        List<StorageAgent> all = new ArrayList<>();
        all.add(primary);
        all.addAll(endUsers.values());
        for (StorageAgent agent : all) {
            OsPaths path = resolved.get(agent.basePaths());
            if (path == null) {
                path = agent.basePaths().resolve(folder);
                Optional<String> outside = PathContainment.problem(agent.basePaths(), path);
                if (outside.isPresent()) return new Built(null, "for agent " + agent.id() + ", " + outside.get());
                resolved.put(agent.basePaths(), path);
            }
            agents.add(agent == primary
                    ? new JobAgent(agent.id(), JobAgent.PRIMARY_STORAGE, settings.primaryPermission(), path, Boolean.TRUE, null)
                    : new JobAgent(agent.id(), JobAgent.END_USER, settings.endUserPermission(), path, null, settings.filePolicyId()));
        }
        List<String> names = artists.stream().map(Artist::displayName).distinct().toList();
        String description = JobOwnership.describe(title + " for: " + String.join(", ", names), project);
        return new Built(new DesiredJob(name, kind, settings.jobType(), description, agents), null);
    }

    /** Distinct artists, by display name then agent, so descriptions and agent lists are stable. */
    private static List<Artist> sorted(List<Artist> artists) {
        TreeSet<Artist> set = new TreeSet<>(Comparator.comparing(Artist::displayName).thenComparingLong(a -> a.agent().id()));
        set.addAll(artists);
        return new ArrayList<>(set);
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
