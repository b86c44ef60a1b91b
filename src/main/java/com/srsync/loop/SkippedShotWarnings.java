package com.srsync.loop;

import com.srsync.reconcile.FolderNames;
import com.srsync.reconcile.ProjectPlan;
import com.srsync.reconcile.SkippedShot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Warns about a shot skipped for an unsafe name once per change of its name, not at every reconcile:
 * the safety net would otherwise repeat the same warning every ten minutes. Remembers the last
 * {@value #CAPACITY} shots warned about.
 */
final class SkippedShotWarnings {
    private static final int CAPACITY = 10_000;

    private final Logger log;
    private final Map<Long, String> warned = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > CAPACITY;
        }
    };

    SkippedShotWarnings(Logger log) {
        this.log = log;
    }

    synchronized void warnAbout(ProjectPlan plan) {
        for (SkippedShot shot : plan.skippedShots()) {
            String seen = shot.code() + "\u0000" + shot.reason();
            if (seen.equals(warned.put(shot.id(), seen))) continue;
            log.warn("Project {} ({}): shot {} '{}' gets no job: {}", plan.projectId(), plan.tankName(), shot.id(),
                    FolderNames.printable(shot.code()), shot.reason());
        }
    }
}
