package com.srsync.config;

import com.srsync.reconcile.Artist;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a new artists.yaml changes, in one log line: artists added and removed, agents or paths changed, settings. */
public final class ArtistsChanges {
    private ArtistsChanges() {}

    public static String between(ArtistsConfig before, ArtistsConfig after) {
        Map<String, Artist> old = byName(before.artists());
        Map<String, Artist> now = byName(after.artists());
        List<String> parts = new ArrayList<>();
        List<String> added = now.keySet().stream().filter(n -> !old.containsKey(n)).toList();
        List<String> removed = old.keySet().stream().filter(n -> !now.containsKey(n)).toList();
        List<String> changed = now.keySet().stream().filter(n -> old.containsKey(n) && !old.get(n).equals(now.get(n))).toList();
        if (!added.isEmpty()) parts.add("artists added " + added);
        if (!removed.isEmpty()) parts.add("artists removed " + removed);
        if (!changed.isEmpty()) parts.add("agent, paths or login changed for " + changed);
        if (!before.primaryStorage().equals(after.primaryStorage())) parts.add("primary_storage changed");
        if (!before.templates().equals(after.templates())) parts.add("path_templates changed");
        if (!Objects.equals(before.jobSettings(), after.jobSettings())) parts.add("job_settings changed");
        if (before.assets().perAsset() != after.assets().perAsset()) {
            parts.add("assets mode " + mode(before) + " -> " + mode(after) + " (the new mode's jobs are made before the old mode's go)");
        } else if (!before.assets().equals(after.assets())) {
            parts.add("assets settings or path_templates.asset_template changed");
        }
        return parts.isEmpty() ? "no change to what is synced (formatting or comments only)" : String.join("; ", parts);
    }

    private static String mode(ArtistsConfig config) {
        return config.assets().perAsset() ? "per_asset" : "project";
    }

    private static Map<String, Artist> byName(List<Artist> artists) {
        Map<String, Artist> out = new LinkedHashMap<>();
        for (Artist a : artists) out.put(a.displayName(), a);
        return out;
    }
}
