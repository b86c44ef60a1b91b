package com.srsync.loop;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projects waiting for a reconcile. A project already waiting is not queued again, so triggers
 * that arrive while a project is being reconciled lead to exactly one more reconcile after it. A
 * mark older than {@code staleAfter} no longer counts: had its hand-over to the queue failed, the
 * project would otherwise never be queued again (a second reconcile is harmless; a lost one is not).
 */
public final class PendingReconciles {
    private final long staleAfterNanos;
    private final Map<String, Long> waitingSince = new ConcurrentHashMap<>();

    public PendingReconciles(Duration staleAfter) {
        this.staleAfterNanos = staleAfter.toNanos();
    }

    /** True when the project was not waiting yet (or its mark is stale) and should be queued now. */
    public boolean offer(Object project) {
        long now = System.nanoTime();
        boolean[] queue = {false};
        waitingSince.compute(String.valueOf(project), (key, since) -> {
            if (since == null || now - since > staleAfterNanos) {
                queue[0] = true;
                return now;
            }
            return since;
        });
        return queue[0];
    }

    /** The project's reconcile starts: a trigger from now on queues it again. */
    public void started(Object project) {
        waitingSince.remove(String.valueOf(project));
    }

    public int size() {
        return waitingSince.size();
    }
}
