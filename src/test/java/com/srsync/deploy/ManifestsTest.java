package com.srsync.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes, read into fabric8's typed model: probes, ports, settings, secrets and RBAC fit the service. */
class ManifestsTest {
    /** The service's settings (the README's Configuration table) that a manifest may set. */
    private static final Set<String> SETTINGS = Set.of("SHOTGRID_URL", "SHOTGRID_SCRIPT_NAME", "SHOTGRID_API_KEY", "SECRET_TOKEN",
            "WEBHOOK_ALLOW_UNSIGNED", "RESILIO_URL", "RESILIO_TOKEN", "RESILIO_CA_CERT", "RESILIO_TLS_INSECURE", "ARTISTS_FILE",
            "HTTP_PORT", "MANAGEMENT_PORT", "DATA_DIR", "ACTIVE_STATUSES", "ADMIN_TOKEN", "LEADER_ELECTION", "LEADER_ELECTION_DIR",
            "LEADER_ELECTION_LEASE", "RECONCILE_CONCURRENCY", "DRY_RUN", "EVENTLOG_POLL_ENABLED");
    private static final List<HasMetadata> OBJECTS = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        try (KubernetesClient offline = new KubernetesClientBuilder().build(); Stream<Path> files = Files.list(Path.of("deploy/kubernetes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    OBJECTS.addAll(offline.load(in).items());
                }
            }
        }
    }

    private static <T> T one(Class<T> type) {
        List<T> found = OBJECTS.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName());
        return found.get(0);
    }

    private static Container container() {
        return one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @Test
    void the_image_exits_when_the_heap_is_exhausted_so_the_orchestrator_restarts_it() throws Exception {
        String entrypoint = java.nio.file.Files.readAllLines(java.nio.file.Path.of("Dockerfile")).stream()
                .filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(entrypoint.contains("\"-XX:+ExitOnOutOfMemoryError\""), entrypoint);
    }

    @Test
    void two_replicas_probe_liveness_on_the_service_port_and_run_as_non_root() {
        Deployment d = one(Deployment.class);
        assertEquals(2, d.getSpec().getReplicas());
        Container c = container();
        assertEquals(8080, c.getPorts().get(0).getContainerPort());
        String port = c.getPorts().get(0).getName();
        assertEquals("/observe/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals(port, c.getLivenessProbe().getHttpGet().getPort().getStrVal());
        assertEquals("/observe/health/live", c.getReadinessProbe().getHttpGet().getPath());   // a standby must stay a candidate
        assertEquals(port, c.getReadinessProbe().getHttpGet().getPort().getStrVal());
        assertTrue(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        assertEquals(10001L, d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
        assertEquals("shotgrid-resilio-sync", d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name"));
        assertTrue(c.getResources().getLimits().containsKey("memory"));
    }

    @Test
    void every_setting_is_one_the_service_reads_and_secrets_come_from_the_secret() {
        List<EnvVar> env = container().getEnv();
        for (EnvVar e : env) assertTrue(SETTINGS.contains(e.getName()), "unknown setting " + e.getName());
        assertEquals("kubernetes", env.stream().filter(e -> e.getName().equals("LEADER_ELECTION")).findFirst().orElseThrow().getValue());
        assertEquals("true", env.stream().filter(e -> e.getName().equals("EVENTLOG_POLL_ENABLED")).findFirst().orElseThrow().getValue(),
                "with replicas, what met a standby is read from the event log");
        Secret secret = one(Secret.class);
        for (String name : List.of("SHOTGRID_API_KEY", "SECRET_TOKEN", "RESILIO_TOKEN", "ADMIN_TOKEN")) {
            EnvVar e = env.stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
            assertEquals(secret.getMetadata().getName(), e.getValueFrom().getSecretKeyRef().getName());
            assertTrue(secret.getStringData().containsKey(e.getValueFrom().getSecretKeyRef().getKey()), name);
        }
    }

    @Test
    void the_service_selects_the_leader_only() {
        Service s = one(Service.class);
        assertEquals("leader", s.getSpec().getSelector().get("shotgrid-resilio-sync/role"));
        assertEquals("shotgrid-resilio-sync", s.getSpec().getSelector().get("app.kubernetes.io/name"));
        assertEquals("http", s.getSpec().getPorts().get(0).getTargetPort().getStrVal());
    }

    @Test
    void the_role_lets_the_replicas_hold_a_lease_and_label_their_pods_and_nothing_more() {
        Role role = one(Role.class);
        PolicyRule leases = role.getRules().stream().filter(r -> r.getResources().contains("leases")).findFirst().orElseThrow();
        assertEquals(List.of("coordination.k8s.io"), leases.getApiGroups());
        assertTrue(leases.getVerbs().containsAll(List.of("get", "list", "watch", "create", "update", "patch")), leases.getVerbs().toString());
        PolicyRule pods = role.getRules().stream().filter(r -> r.getResources().contains("pods")).findFirst().orElseThrow();
        assertTrue(pods.getVerbs().containsAll(List.of("get", "list", "patch")) && !pods.getVerbs().contains("delete"), pods.getVerbs().toString());
        assertEquals(2, role.getRules().size());
        RoleBinding binding = one(RoleBinding.class);
        assertEquals(role.getMetadata().getName(), binding.getRoleRef().getName());
        assertEquals(one(Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName(), binding.getSubjects().get(0).getName());
    }
}
