package com.srsync.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code LEADER_ELECTION=kubernetes}: labels this replica's pod {@value #LABEL}={@code leader} or
 * {@code standby} as its leadership changes, so the Service that ShotGrid's webhooks reach selects the
 * leader only. (Readiness cannot do it: Camel's Lease election counts only Ready pods as candidates,
 * so a standby kept unready could never take over.) A dead leader's pod leaves the Service's
 * endpoints as it stops being ready; the new leader labels itself. A failed patch is logged and made
 * again at the next change; a standby still answers 503 if a request reaches it.
 */
public final class LeaderPodLabel {
    public static final String LABEL = "shotgrid-resilio-sync/role";
    private static final Logger LOG = LoggerFactory.getLogger(LeaderPodLabel.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "leader-pod-label");
        t.setDaemon(true);
        return t;
    });

    public LeaderPodLabel(KubernetesClient client, String namespace, String pod) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
    }

    /** Follows {@code leadership}: labels the pod at each change. */
    public void follow(Leadership leadership) {
        leadership.onChange(this::label);
        label(leadership.isLeader());
    }

    private void label(boolean leading) {
        String role = leading ? "leader" : "standby";
        executor.submit(() -> {
            try {
                client.pods().inNamespace(namespace).withName(pod).edit(p -> {
                    p.getMetadata().getLabels().put(LABEL, role);
                    return p;
                });
                LOG.info("Pod {} labelled {}={}", pod, LABEL, role);
            } catch (RuntimeException e) {
                LOG.error("Pod {} could not be labelled {}={} (RBAC: pods get and patch): {}", pod, LABEL, role, e.getMessage());
            }
        });
    }
}
