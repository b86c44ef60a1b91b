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
        if (belowByPrefix(base, folder, windows)) return null;
        List<String> b = segments(base, windows);
        List<String> f = segments(folder, windows);
        if (b == null || f == null || f.size() <= b.size() || !f.subList(0, b.size()).equals(b)) {
            return "its " + os + " folder '" + FolderNames.printable(folder) + "' would not lie below the base path '" + base + "'";
        }
        return null;
    }

    /**
     * The quick answer for the usual case, without splitting anything: the folder is the base path
     * itself followed by a separator and segments none of which is empty, {@code .} or {@code ..}
     * (as Windows reads them). False means "look closer", not "outside".
     */
    private static boolean belowByPrefix(String base, String folder, boolean windows) {
        int b = base.length();
        while (b > 0 && isSeparator(base.charAt(b - 1), windows)) b--;
        if (b == 0 || folder.length() <= b + 1 || !isSeparator(folder.charAt(b), windows)
                || !(folder.regionMatches(false, 0, base, 0, b) || (windows && folder.regionMatches(true, 0, base, 0, b)))) {
            return false;
        }
        int start = b + 1;
        for (int i = start; i <= folder.length(); i++) {
            if (i < folder.length() && !isSeparator(folder.charAt(i), windows)) continue;
            if (!ordinarySegment(folder, start, i, windows)) return false;
            start = i + 1;
        }
        return true;
    }

    private static boolean ordinarySegment(String path, int from, int to, boolean windows) {
        int end = to;
        if (windows) while (end > from && (path.charAt(end - 1) == '.' || path.charAt(end - 1) == ' ')) end--;
        if (end == from) return false;                                     // empty, or only dots and spaces
        return windows || !(end - from <= 2 && path.startsWith(end - from == 1 ? "." : "..", from));
    }

    private static boolean isSeparator(char c, boolean windows) {
        return c == '/' || (windows && c == '\\');
    }

    /** The path's folders with {@code .} and {@code ..} resolved; null when {@code ..} climbs above the start. */
    private static List<String> segments(String path, boolean windows) {
        List<String> out = new ArrayList<>();
        for (String part : (windows ? path.replace('\\', '/') : path).split("/")) {
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
        int end = part.length();
        while (end > 0 && (part.charAt(end - 1) == '.' || part.charAt(end - 1) == ' ')) end--;
        if (end == 0) return part.contains("..") ? ".." : part.contains(".") ? "." : "";
        return part.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
