package com.srsync.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code LEADER_ELECTION=kubernetes}: keeps this replica's pod labelled {@value #LABEL}={@code leader}
 * or {@code standby} as its leadership stands, so the Service that ShotGrid's webhooks reach selects the
 * leader only. (Readiness cannot do it: Camel's Lease election counts only Ready pods as candidates, so
 * a standby kept unready could never take over.)
 * <p>
 * A loop, not a one-off: it reads the pod's label and patches it when it differs from what leadership
 * says - at once on each change of leadership, then every {@code checkEvery}. A failed read or patch (an
 * API blip, a 409, the pod not found) is tried again with a backoff (1 s doubling to 30 s), counted
 * ({@link #failures()}, metric {@code srsync_leader_label_failures}) and shown in health
 * ({@link #problem()}, check {@code leader-label}) until the label is right again: one failure must not
 * leave the Service with no pod, or two, while health looks fine.
 */
public final class LeaderPodLabel {
    public static final String LABEL = "shotgrid-resilio-sync/role";
    private static final Logger LOG = LoggerFactory.getLogger(LeaderPodLabel.class);
    private static final long FIRST_BACKOFF_MS = 1000;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final long checkEveryMillis;
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "leader-pod-label");
        t.setDaemon(true);
        return t;
    });
    private volatile Leadership leadership;
    private volatile String problem;
    private int failuresInARow;                 // on the executor's thread only
    private ScheduledFuture<?> next;

    public LeaderPodLabel(KubernetesClient client, String namespace, String pod, Duration checkEvery) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.checkEveryMillis = checkEvery.toMillis();
    }

    /** Follows {@code leadership}: labels the pod now, at each change, and checks the label every {@code checkEvery}. */
    public void follow(Leadership leadership) {
        this.leadership = leadership;
        leadership.onChange(leading -> schedule(0));
        schedule(0);
    }

    /** Why the label is not known to be right (the last read or patch failed), or null. */
    public String problem() {
        return problem;
    }

    /** Failed reads and patches since start. */
    public long failures() {
        return failures.get();
    }

    public void stop() {
        executor.shutdownNow();
    }

    private synchronized void schedule(long delayMillis) {
        if (executor.isShutdown()) return;
        if (next != null) next.cancel(false);
        next = executor.schedule(this::reconcile, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void reconcile() {
        String want = leadership.isLeader() ? "leader" : "standby";
        try {
            Pod current = client.pods().inNamespace(namespace).withName(pod).get();
            if (current == null) throw new IllegalStateException("pod " + pod + " not found in namespace " + namespace);
            String have = current.getMetadata().getLabels() == null ? null : current.getMetadata().getLabels().get(LABEL);
            if (!want.equals(have)) {
                client.pods().inNamespace(namespace).withName(pod).edit(p -> {
                    p.getMetadata().getLabels().put(LABEL, want);
                    return p;
                });
                LOG.info("Pod {} labelled {}={}{}", pod, LABEL, want, have == null ? "" : " (it was " + have + ")");
            }
            if (problem != null) LOG.info("Pod {} is labelled {}={} again", pod, LABEL, want);
            problem = null;
            failuresInARow = 0;
            schedule(checkEveryMillis);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            failuresInARow++;
            long backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(failuresInARow - 1, 5));
            problem = "pod " + pod + " could not be labelled " + LABEL + "=" + want + " (" + failuresInARow
                    + " failure" + (failuresInARow == 1 ? "" : "s") + " in a row; RBAC: pods get and patch): " + e.getMessage();
            if (failuresInARow == 1 || failuresInARow % 10 == 0) LOG.error("{}; trying again in {} ms", problem, backoff);
            schedule(backoff);
        }
    }
}
