package com.srsync.cluster;

import com.srsync.config.ClusterSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;

/**
 * LEADER_ELECTION: builds the cluster service that decides which replica leads, adds it to the context
 * and follows it with a {@link Leadership}. {@code none}: this replica always leads. {@code file}: a lock
 * file in LEADER_ELECTION_DIR. {@code kubernetes}: a coordination.k8s.io Lease, and the pod label that
 * lets the webhooks' Service select the leader ({@link LeaderPodLabel}).
 *
 * @param leadership the leadership followed
 * @param podLabel   with kubernetes: the leader label kept on this pod, else null
 */
public record ReplicaElection(Leadership leadership, LeaderPodLabel podLabel) {
    /** The label that marks the candidates: the Deployment of deploy/kubernetes sets it on its pods. */
    static final Map<String, String> CANDIDATES = Map.of("app.kubernetes.io/name", "shotgrid-resilio-sync");

    public static ReplicaElection of(CamelContext context, ClusterSettings settings) {
        return switch (settings.election()) {
            case "file" -> new ReplicaElection(Leadership.on("file", fileLock(context, settings.dir())), null);
            case "kubernetes" -> kubernetesLease(context, settings.lease());
            default -> new ReplicaElection(Leadership.alone(), null);
        };
    }

    /** Replicas on one host or a shared volume: a lock file in LEADER_ELECTION_DIR, checked every 2 s. */
    private static CamelClusterService fileLock(CamelContext context, Path dir) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(replicaId());
        service.setRoot(dir.toString());
        service.setAcquireLockDelay(1, TimeUnit.SECONDS);
        service.setAcquireLockInterval(2, TimeUnit.SECONDS);
        addService(context, service);
        return service;
    }

    /**
     * Replicas on Kubernetes: a Lease named LEADER_ELECTION_LEASE in the pod's namespace (the in-cluster
     * service account; KUBERNETES_MASTER and friends outside a cluster). Camel names the Lease
     * "prefix-group": the name is split at its last '-' to give exactly that name (one without '-' gets
     * "-leader" appended). Lease 15 s, renewed within 10 s, tried every 2 s. The candidates are the
     * namespace's pods labelled {@link #CANDIDATES}: a replica whose pod lacks it never leads.
     */
    private static ReplicaElection kubernetesLease(CamelContext context, String lease) {
        int dash = lease.lastIndexOf('-');
        String prefix = dash > 0 ? lease.substring(0, dash) : lease;
        String group = dash > 0 ? lease.substring(dash + 1) : "leader";
        KubernetesClusterService service = new KubernetesClusterService();
        service.setId(replicaId());
        service.setPodName(replicaId());
        service.setLeaseResourceType(LeaseResourceType.Lease);
        service.setClusterLabels(CANDIDATES);
        service.setKubernetesResourceName(prefix);
        String namespace = podNamespace();
        if (namespace != null) service.setKubernetesNamespace(namespace);
        service.setLeaseDurationMillis(15_000);
        service.setRenewDeadlineMillis(10_000);
        service.setRetryPeriodMillis(2_000);
        addService(context, service);
        Leadership leadership = Leadership.on("kubernetes", service, group);
        KubernetesClient client = new KubernetesClientBuilder().build();
        LeaderPodLabel label = new LeaderPodLabel(client, namespace != null ? namespace : client.getNamespace(), replicaId(),
                Duration.ofSeconds(10));
        label.follow(leadership);
        return new ReplicaElection(leadership, label);
    }

    /** The pod's namespace: its service account's, else KUBERNETES_NAMESPACE, else null (the client's default). */
    private static String podNamespace() {
        Path file = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
        try {
            if (Files.isReadable(file)) return Files.readString(file).trim();
        } catch (IOException e) {
            // the environment may say
        }
        String env = System.getenv("KUBERNETES_NAMESPACE");
        return env == null || env.isBlank() ? null : env.trim();
    }

    private static void addService(CamelContext context, Object service) {
        try {
            context.addService(service, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add " + service, e);
        }
    }

    /** This replica's name in the election: LEADER_ELECTION_ID, else the host name and process id. */
    static String replicaId() {
        String id = System.getenv("LEADER_ELECTION_ID");
        if (id != null && !id.isBlank()) return id.trim();
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "replica";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
