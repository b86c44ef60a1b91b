package com.srsync.trigger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projects waiting for a reconcile. A project already waiting is not queued again, so triggers
 * that arrive while a project is being reconciled lead to exactly one more reconcile after it.
 */
public final class PendingReconciles {
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    /** True when the project was not waiting yet and should be queued now. */
    public boolean offer(Object project) {
        return waiting.add(String.valueOf(project));
    }

    /** The project's reconcile starts: a trigger from now on queues it again. */
    public void started(Object project) {
        waiting.remove(String.valueOf(project));
    }

    public int size() {
        return waiting.size();
    }
}
