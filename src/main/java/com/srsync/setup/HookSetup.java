package com.srsync.setup;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@code webhooks}: the hooks compared (or why they could not be read), the writes to make when applying,
 * and how each went.
 */
public final class HookSetup {
    /** One write onto the site's hooks. @param json its body (holds the secret: never printed) */
    public record HookWrite(String entity, String method, String path, String json) {
        @Override
        public String toString() {
            return method + " " + path + " (" + entity + ")";
        }
    }

    final boolean apply;
    final String ourUrl;
    volatile List<HookPlan.Change> changes;
    volatile String readProblem;
    volatile int readStatus;
    final List<String> done = new ArrayList<>();
    final List<String> failed = new ArrayList<>();

    HookSetup(boolean apply, String ourUrl) {
        this.apply = apply;
        this.ourUrl = ourUrl;
    }

    synchronized void done(String line) {
        done.add(line);
    }

    synchronized void failed(String line) {
        failed.add(line);
    }
}
