package com.srsync.durable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which folders of DATA_DIR cannot be written now (full, read-only, gone), for health ({@code data-dir}) and the
 * log: a folder that fails is logged once, with the reason, until a write to it works again. What the service
 * could not store stays in memory meanwhile, so a failed store never ends a run early.
 */
public final class DataDirWrites {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirWrites.class);

    private final Map<Path, String> failing = new TreeMap<>();

    /** A write into {@code folder} failed. */
    public void failed(Path folder, IOException e) {
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        boolean first;
        synchronized (this) {
            first = failing.put(folder, reason) == null;
        }
        if (first) LOG.error("DATA_DIR: {} cannot be written ({}); what is not stored is kept in memory until it can be", folder, reason);
    }

    /** A write into {@code folder} worked. */
    public void wrote(Path folder) {
        boolean was;
        synchronized (this) {
            was = failing.remove(folder) != null;
        }
        if (was) LOG.info("DATA_DIR: {} can be written again", folder);
    }

    /** For health: the folders that cannot be written, with why; null when every write works. */
    public synchronized String problem() {
        if (failing.isEmpty()) return null;
        StringBuilder out = new StringBuilder();
        failing.forEach((folder, why) -> out.append(out.length() == 0 ? "" : "; ").append(folder).append(" cannot be written (").append(why).append(')'));
        return out + "; free space or fix its permissions";
    }
}
