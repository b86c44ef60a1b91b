package com.srsync.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A folder as each operating system names it. Any of the three may be absent (null) when an
 * agent's configuration gives base paths for some systems only.
 */
public record OsPaths(String linux, String win, String osx) {

    /** One base path for every system, as the old tool's {@code base_path}; Windows gets backslashes. */
    public static OsPaths fromSingleBase(String base) {
        return new OsPaths(base, toWindows(base), base);
    }

    /** This folder with {@code relative} (forward slashes) below it, in each system's form. */
    public OsPaths resolve(String relative) {
        String rel = trimSeparators(relative.replace('\\', '/'));
        return new OsPaths(
                join(linux, rel, '/'),
                win == null ? null : join(toWindows(win), toWindows(rel), '\\'),
                join(osx, rel, '/'));
    }

    /** The keys a Resilio job's agent {@code path} object carries, in the console's order, absent ones left out. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (linux != null) map.put("linux", linux);
        if (win != null) map.put("win", win);
        if (osx != null) map.put("osx", osx);
        return map;
    }

    /**
     * The key ({@code linux}, {@code win}, {@code osx}) of the system an agent runs, from the console's word for it
     * (lower case; "darwin" and "mac" are macOS, checked before "win", which "darwin" contains); null for a word that
     * names none of them, or none.
     */
    public static String systemKey(String os) {
        if (os == null) return null;
        if (os.contains("mac") || os.contains("osx") || os.contains("darwin")) return "osx";
        if (os.contains("win")) return "win";
        return os.contains("linux") ? "linux" : null;
    }

    /** The path for a {@link #systemKey}; null when this folder has none for it. */
    public String forSystem(String key) {
        return key == null ? null : asMap().get(key);
    }

    /** True when every path this one names is named the same by {@code observed}; keys only {@code observed} has are not compared. */
    public boolean isSatisfiedBy(OsPaths observed) {
        if (observed == null) return false;
        return same(linux, observed.linux) && same(win, observed.win) && same(osx, observed.osx);
    }

    private static boolean same(String wanted, String seen) {
        return wanted == null || wanted.equals(seen);
    }

    private static String join(String base, String rel, char sep) {
        if (base == null) return null;
        String b = base;
        while (b.length() > 1 && (b.endsWith("/") || b.endsWith("\\"))) b = b.substring(0, b.length() - 1);
        if (b.equals("/") || b.equals("\\")) b = "";
        return rel.isEmpty() ? b : b + sep + rel;
    }

    private static String trimSeparators(String s) {
        int start = 0, end = s.length();
        while (start < end && s.charAt(start) == '/') start++;
        while (end > start && s.charAt(end - 1) == '/') end--;
        return s.substring(start, end);
    }

    private static String toWindows(String s) {
        return s == null ? null : s.replace('/', '\\');
    }
}
