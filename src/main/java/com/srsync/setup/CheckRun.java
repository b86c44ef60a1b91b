package com.srsync.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of the check: its lines so far, and what a later check needs from an earlier read (the site's projects
 * and active shots for the paths, the console's agents for the artists). Shared by the branches of one run only.
 */
public final class CheckRun {
    private final List<CheckLine> lines = new ArrayList<>();
    volatile boolean shotgridIn;
    volatile boolean consoleIn;
    volatile List<?> activeProjects;
    volatile List<?> retiredProjects;
    volatile List<?> activeShots;
    volatile Map<Long, ConsoleAgentsCheck.Agent> agents;

    synchronized void add(CheckLine line) {
        lines.add(line);
    }

    synchronized void addAll(List<CheckLine> more) {
        lines.addAll(more);
    }

    synchronized List<CheckLine> lines() {
        return List.copyOf(lines);
    }

    /** True once ShotGrid took the script's login: the reads that need it are worth making. */
    public boolean isShotgridIn() {
        return shotgridIn;
    }

    /** True once the console took the token. */
    public boolean isConsoleIn() {
        return consoleIn;
    }
}
