package com.srsync.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects whose reconcile failed (a read failed, or a write was dead-lettered) and when each is due
 * again: after {@code firstDelay}, doubling with each failure in a row, with jitter, up to
 * {@code maxDelay}; after {@code maxAttempts} failures in a row a project is left for the safety net.
 * A success resets it. Nothing waits in flight: a timer route asks for {@link #due()} projects.
 */
public final class ReconcileRetries {
    private static final Logger LOG = LoggerFactory.getLogger("com.srsync.reconcile");

    private final int maxAttempts;
    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();
    private final Map<String, Long> dueAt = new ConcurrentHashMap<>();

    public ReconcileRetries(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        this.maxAttempts = maxAttempts;
        this.firstDelayMillis = firstDelay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
    }

    /** Schedules the project's next reconcile after a failure, or gives it up to the safety net. */
    public void afterFailure(Object project) {
        String key = String.valueOf(project);
        int n = failuresInARow.merge(key, 1, Integer::sum);
        if (n > maxAttempts) {
            failuresInARow.remove(key);
            dueAt.remove(key);
            LOG.error("Project {} failed {} reconciles in a row; it is left for the safety net", project, n);
            return;
        }
        long delay = Math.min(maxDelayMillis, firstDelayMillis << Math.min(n - 1, 30));
        long jitter = (long) (delay * 0.15 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        long wait = Math.max(1, delay + jitter);
        dueAt.put(key, System.currentTimeMillis() + wait);
        LOG.warn("Project {} will be reconciled again in {} ms (failure {} of {})", project, wait, n, maxAttempts);
    }

    /**
     * The project is planned again no sooner than {@code epochMillis} (a write the console deferred); a
     * later retry already scheduled stays. Not a failure: its failures in a row do not grow.
     */
    public void notBefore(Object project, long epochMillis) {
        dueAt.merge(String.valueOf(project), epochMillis, Math::max);
        LOG.info("Project {} will be planned again at {}", project, java.time.Instant.ofEpochMilli(dueAt.get(String.valueOf(project))));
    }

    /** A project whose reconcile wrote everything it had to: its failures in a row start again from zero. */
    public void succeeded(Object project) {
        failuresInARow.remove(String.valueOf(project));
        dueAt.remove(String.valueOf(project));
    }

    /** The projects whose backoff has passed, each handed out once. */
    public List<String> due() {
        long now = System.currentTimeMillis();
        List<String> due = new ArrayList<>();
        dueAt.forEach((project, at) -> {
            if (at <= now && dueAt.remove(project, at)) due.add(project);
        });
        return due;
    }

    /** How many projects wait for a retry. */
    public int waiting() {
        return dueAt.size();
    }
}
