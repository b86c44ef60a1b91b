package com.srsync.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.reconcile.Artist;
import com.srsync.reconcile.FolderNames;
import com.srsync.reconcile.OsPaths;
import com.srsync.reconcile.PathContainment;
import com.srsync.reconcile.ProjectDirectory;
import com.srsync.reconcile.SyncRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * For each project with an active shot, the folder one real shot (the lowest id) and the project's assets would
 * get on the studio storage and on the artists' machines, each in its machine's own form - or why that shot or
 * project would be skipped. Pure.
 */
public final class PathPreview {
    private PathPreview() {}

    /**
     * @param shots the site's active shots (rows with {@code code}, {@code sg_sequence}, {@code project})
     * @param os    each agent's system as the console says it, by id (may lack some)
     */
    public static List<CheckLine> lines(ProjectDirectory directory, List<?> shots, SyncRules rules, Map<Long, String> os) {
        Map<Long, JsonNode> firstShot = new TreeMap<>();
        for (Object o : shots) {
            JsonNode row = (JsonNode) o;
            long project = row.path("relationships").path("project").path("data").path("id").asLong(-1);
            firstShot.merge(project, row, (a, b) -> a.path("id").asLong() <= b.path("id").asLong() ? a : b);
        }
        List<CheckLine> out = new ArrayList<>();
        if (firstShot.isEmpty()) out.add(CheckLine.skipped("paths", "projects", "no active shot on the site: no path to show yet"));
        firstShot.forEach((project, shot) -> out.add(line(project, shot, directory, rules, os)));
        return out;
    }

    private static CheckLine line(long project, JsonNode shot, ProjectDirectory directory, SyncRules rules, Map<Long, String> os) {
        String tank = directory.tankName(project);
        String label = (tank == null ? "project " + project : tank) + " (project " + project + ")";
        Optional<String> alone = directory.leftAlone(project);
        if (alone.isPresent()) {
            return CheckLine.failed("paths", label, "left alone: " + alone.get(), "give the project a tank name that is a plain folder name").optional();
        }
        String code = shot.path("attributes").path("code").asText("");
        String sequence = shot.path("relationships").path("sg_sequence").path("data").path("name").asText(null);
        if (sequence == null || sequence.isBlank()) sequence = rules.jobSettings().sequenceFallback();
        Optional<String> unsafe = FolderNames.problem(code).map(p -> "shot code '" + FolderNames.printable(code) + "' " + p);
        if (unsafe.isEmpty() && rules.templates().usesSequence()) {
            String seq = sequence;
            unsafe = FolderNames.problem(seq).map(p -> "sequence '" + FolderNames.printable(seq) + "' " + p);
        }
        if (unsafe.isPresent()) {
            return CheckLine.failed("paths", label, "shot " + FolderNames.printable(code) + " would be skipped: " + unsafe.get(),
                    "rename it in ShotGrid to a plain folder name").optional();
        }
        String shotFolder = rules.templates().shotFolder(tank, sequence, code);
        String assetsFolder = rules.assets().perAsset() ? rules.assets().folder(tank, "<type>", "<asset>") : rules.templates().assetsFolder(tank);
        StringBuilder text = new StringBuilder("shot ").append(code).append(" -> ");
        String refused = where(text, shotFolder, rules, os);
        text.append("; ").append(rules.assets().perAsset() ? "an asset" : "its assets").append(" -> ");
        if (refused == null) refused = where(text, assetsFolder, rules, os);
        if (refused != null) return CheckLine.failed("paths", label, refused, "correct path_templates or the base paths in artists.yaml");
        return CheckLine.passed("paths", label, text.toString());
    }

    /** Appends the folder on the storage and on each distinct artist path; returns why one would leave its base path, or null. */
    private static String where(StringBuilder text, String folder, SyncRules rules, Map<Long, String> os) {
        OsPaths storage = rules.primaryStorage().basePaths().resolve(folder);
        Optional<String> out = PathContainment.problem(rules.primaryStorage().basePaths(), storage);
        if (out.isPresent()) return "on the studio storage, " + out.get();
        text.append("studio storage ").append(form(storage, os.get(rules.primaryStorage().id())));
        Map<String, List<String>> byPath = new TreeMap<>();
        for (Artist a : rules.artists()) {
            if (rules.unavailable(a).isPresent()) continue;
            OsPaths path = a.agent().basePaths().resolve(folder);
            out = PathContainment.problem(a.agent().basePaths(), path);
            if (out.isPresent()) return "on " + a.displayName() + "'s machine, " + out.get();
            byPath.computeIfAbsent(form(path, os.get(a.agent().id())), p -> new ArrayList<>()).add(a.displayName());
        }
        byPath.forEach((p, who) -> text.append(", ").append(p).append(" (").append(String.join(", ", who)).append(")"));
        return null;
    }

    /** The path in its machine's own form; for a system the console does not name, Linux's (else macOS's, else Windows'). */
    private static String form(OsPaths path, String os) {
        String own = path.forSystem(OsPaths.systemKey(os));
        if (own != null) return own;
        return path.linux() != null ? path.linux() : path.osx() != null ? path.osx() : path.win();
    }
}
