package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Defence in depth behind {@link FolderNames}: a job's folder, once the template is filled in, must
 * lie strictly below its agent's base path, for every system the base path names. Segments are
 * compared after {@code .} and {@code ..} are resolved; Windows paths ignore case and accept either
 * separator, as Windows does.
 */
public final class PathContainment {
    private PathContainment() {}

    /** Why {@code folder} is not below {@code base}, or empty when it is. */
    public static Optional<String> problem(OsPaths base, OsPaths folder) {
        String linux = check("linux", base.linux(), folder.linux(), false);
        if (linux != null) return Optional.of(linux);
        String win = check("win", base.win(), folder.win(), true);
        if (win != null) return Optional.of(win);
        return Optional.ofNullable(check("osx", base.osx(), folder.osx(), false));
    }

    private static String check(String os, String base, String folder, boolean windows) {
        if (base == null) return null;
        if (folder == null) return "its " + os + " folder is missing";
        List<String> b = segments(base, windows);
        List<String> f = segments(folder, windows);
        if (b == null || f == null || f.size() <= b.size() || !f.subList(0, b.size()).equals(b)) {
            return "its " + os + " folder '" + FolderNames.printable(folder) + "' would not lie below the base path '" + base + "'";
        }
        return null;
    }

    /** The path's folders with {@code .} and {@code ..} resolved; null when {@code ..} climbs above the start. */
    private static List<String> segments(String path, boolean windows) {
        List<String> out = new ArrayList<>();
        for (String part : path.split(windows ? "[\\\\/]" : "/")) {
            String s = windows ? windowsSegment(part) : part;
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                if (out.isEmpty()) return null;
                out.remove(out.size() - 1);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A segment as Windows reads it: trailing dots and spaces dropped, case ignored. A segment of only
     * dots and spaces is taken at its most dangerous: {@code ..} when it holds two dots in a row.
     */
    private static String windowsSegment(String part) {
        if (part.matches("[. ]+")) return part.contains("..") ? ".." : part.contains(".") ? "." : "";
        return part.replaceAll("[. ]+$", "").toLowerCase(Locale.ROOT);
    }
}
