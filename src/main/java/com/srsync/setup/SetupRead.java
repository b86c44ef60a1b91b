package com.srsync.setup;

import com.srsync.shotgrid.SearchQuery;

/**
 * One read the check makes ({@code routes/setup.yaml}): a ShotGrid search, or a GET below ShotGrid's {@code /api/v1}
 * or the console's {@code /api/v2}. Its answer is judged by {@link SetupCheck} by its name.
 *
 * @param upstream {@code shotgrid} or {@code console}
 * @param search   the search, or null for a GET of {@code path}
 */
public record SetupRead(String name, String upstream, SearchQuery search, String path) {
    public static SetupRead searching(String name, SearchQuery query) {
        return new SetupRead(name, "shotgrid", query, null);
    }

    public static SetupRead shotgridGet(String name, String path) {
        return new SetupRead(name, "shotgrid", null, path);
    }

    public static SetupRead consoleGet(String name, String path) {
        return new SetupRead(name, "console", null, path);
    }

    public boolean isSearch() {
        return search != null;
    }

    public boolean isShotGrid() {
        return "shotgrid".equals(upstream);
    }
}
