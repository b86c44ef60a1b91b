package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reconcile rules of design.md as one pure function: a project snapshot and the sync rules in,
 * the jobs that should exist out.
 */
public final class JobPlanner {
    private final SyncRules rules;

    public JobPlanner(SyncRules rules) {
        this.rules = rules;
    }

    public DesiredState desired(ProjectSnapshot snapshot) {
        if (!snapshot.hasTankName()) {
            return new DesiredState(List.of(), List.of(), List.of());
        }
        String tank = snapshot.tankName();
        Map<String, SkippedArtist> skipped = new LinkedHashMap<>();
        Map<String, ShotArtists> byCode = new TreeMap<>();
        for (ShotRecord shot : snapshot.shots()) {
            if (!rules.isActive(shot.status()) || shot.code() == null || shot.code().isBlank()) continue;
            ShotArtists entry = byCode.computeIfAbsent(shot.code(), c -> new ShotArtists(sequenceOf(shot)));
            for (ShotGridUser user : shot.assignees()) {
                Optional<Artist> artist = rules.artistFor(user);
                if (artist.isPresent()) {
                    entry.artists.add(artist.get());
                } else if (user.name() != null) {
                    skipped.putIfAbsent(user.name(), new SkippedArtist(user.name(), SkippedArtist.NOT_CONFIGURED));
                }
            }
        }

        List<DesiredJob> jobs = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Set<String> tanks = withOwn(snapshot);
        List<Artist> projectArtists = new ArrayList<>();
        for (Map.Entry<String, ShotArtists> e : byCode.entrySet()) {
            String code = e.getKey();
            List<Artist> artists = e.getValue().sortedArtists();
            if (artists.isEmpty()) continue;
            projectArtists.addAll(artists);
            String name = JobNames.shotJob(tank, code);
            if (!JobNames.owner(name, tanks).map(tank::equals).orElse(false)) {
                conflicts.add(name);
                continue;
            }
            String folder = rules.templates().shotFolder(tank, e.getValue().sequence, code);
            jobs.add(job(name, JobKind.SHOT, "Shot " + code, folder, artists));
        }
        if (!projectArtists.isEmpty()) {
            List<Artist> all = sorted(projectArtists);
            jobs.add(job(JobNames.assetsJob(tank), JobKind.ASSETS, "Assets " + tank, rules.templates().assetsFolder(tank), all));
        }
        return new DesiredState(jobs, new ArrayList<>(skipped.values()), conflicts);
    }

    private static Set<String> withOwn(ProjectSnapshot snapshot) {
        Set<String> names = new HashSet<>(snapshot.knownTankNames());
        names.add(snapshot.tankName());
        return names;
    }

    private String sequenceOf(ShotRecord shot) {
        return shot.sequence() == null || shot.sequence().isBlank() ? rules.jobSettings().sequenceFallback() : shot.sequence();
    }

    private DesiredJob job(String name, JobKind kind, String title, String folder, List<Artist> artists) {
        JobSettings settings = rules.jobSettings();
        List<JobAgent> agents = new ArrayList<>();
        StorageAgent primary = rules.primaryStorage();
        Map<OsPaths, OsPaths> resolved = new HashMap<>();   // agents mostly share a base path: resolve each once
        agents.add(new JobAgent(primary.id(), JobAgent.PRIMARY_STORAGE, settings.primaryPermission(),
                resolved.computeIfAbsent(primary.basePaths(), b -> b.resolve(folder)), Boolean.TRUE, null));
        Map<Long, StorageAgent> endUsers = new TreeMap<>();
        for (Artist a : artists) endUsers.putIfAbsent(a.agent().id(), a.agent());
        for (StorageAgent agent : endUsers.values()) {
            agents.add(new JobAgent(agent.id(), JobAgent.END_USER, settings.endUserPermission(),
                    resolved.computeIfAbsent(agent.basePaths(), b -> b.resolve(folder)), null, settings.filePolicyId()));
        }
        List<String> names = artists.stream().map(Artist::displayName).distinct().toList();
        String description = title + " for: " + String.join(", ", names);
        return new DesiredJob(name, kind, settings.jobType(), description, agents);
    }

    /** Distinct artists, by display name then agent, so descriptions and agent lists are stable. */
    private static List<Artist> sorted(List<Artist> artists) {
        TreeSet<Artist> set = new TreeSet<>(Comparator.comparing(Artist::displayName).thenComparingLong(a -> a.agent().id()));
        set.addAll(artists);
        return new ArrayList<>(set);
    }

    private static final class ShotArtists {
        final String sequence;
        final List<Artist> artists = new ArrayList<>();

        ShotArtists(String sequence) {
            this.sequence = sequence;
        }

        List<Artist> sortedArtists() {
            return sorted(artists);
        }
    }
}
