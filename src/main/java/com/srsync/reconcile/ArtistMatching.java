package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A ShotGrid user on a task to the artist of artists.yaml, or why none: not listed, an agent that cannot be used
 * now, or a display name two ShotGrid users share (when the artist is matched by display name only). What is left
 * out is collected once per name, for the plan.
 */
final class ArtistMatching {
    private final SyncRules rules;
    private final Map<String, Set<Long>> sharedNames;
    private final Map<String, SkippedArtist> skipped;

    /**
     * @param users   every user on the project's tasks the plan looks at: a display name two of them share is
     *                matched to neither (when the artist is listed by display name only)
     * @param skipped where those left out are collected, by name
     */
    ArtistMatching(SyncRules rules, Iterable<ShotGridUser> users, Map<String, SkippedArtist> skipped) {
        this.rules = rules;
        this.skipped = skipped;
        this.sharedNames = rules.artistsByNameOnly().isEmpty() ? Map.of() : sharedDisplayNames(rules, users);
    }

    /**
     * Adds the user's artist to {@code into}; or, when the console's agent list lacked the artist's agent id, to
     * {@code unlisted} (added to no job, left on a job that already holds it); or records why the user is left out.
     */
    void match(ShotGridUser user, List<Artist> into, List<Artist> unlisted) {
        Set<Long> sharing = user.name() == null ? null : sharedNames.get(user.name());
        Optional<Artist> artist = sharing != null && rules.matchesByNameOnly(user) ? Optional.empty() : rules.artistFor(user);
        Optional<String> unusable = artist.flatMap(rules::unavailable);
        if (unusable.isPresent()) {
            boolean notListed = rules.isUnlisted(artist.get());
            skipped.putIfAbsent(artist.get().displayName(), new SkippedArtist(artist.get().displayName(), unusable.get()
                    + (notListed ? "; added to no job, and left on the jobs that already hold it" : "")));
            if (notListed) unlisted.add(artist.get());
        } else if (artist.isPresent()) {
            into.add(artist.get());
        } else if (sharing != null) {
            skipped.putIfAbsent(user.name(), new SkippedArtist(user.name(), sharing.size() + " ShotGrid users are named '"
                    + user.name() + "' (ids " + new TreeSet<>(sharing) + "): matched to neither; list the artist's login or email in artists.yaml"));
        } else if (user.name() != null) {
            skipped.putIfAbsent(user.name(), new SkippedArtist(user.name(), SkippedArtist.NOT_CONFIGURED));
        }
    }

    /** The artists of {@code unlisted} whose agent the job holds now: they stay on it. */
    static List<Artist> keptOn(ObservedJob job, List<Artist> unlisted) {
        if (job == null || unlisted.isEmpty()) return List.of();
        return unlisted.stream().filter(a -> job.agents().stream().anyMatch(j -> j.id() == a.agent().id())).toList();
    }

    /** Distinct artists, by display name then agent, so descriptions and agent lists are stable. */
    static List<Artist> sorted(List<Artist> artists) {
        TreeSet<Artist> set = new TreeSet<>(Comparator.comparing(Artist::displayName).thenComparingLong(a -> a.agent().id()));
        set.addAll(artists);
        return new ArrayList<>(set);
    }

    /** Display names that two or more ShotGrid users share, among those matched by display name only, with their user ids. */
    private static Map<String, Set<Long>> sharedDisplayNames(SyncRules rules, Iterable<ShotGridUser> users) {
        Map<String, Set<Long>> ids = new HashMap<>();
        for (ShotGridUser user : users) {
            if (rules.matchesByNameOnly(user)) ids.computeIfAbsent(user.name(), n -> new HashSet<>()).add(user.id());
        }
        ids.values().removeIf(set -> set.size() < 2);
        return ids;
    }
}
