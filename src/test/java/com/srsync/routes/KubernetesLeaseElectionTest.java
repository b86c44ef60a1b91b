package com.srsync.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.srsync.sandbox.Sandbox;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LEADER_ELECTION=kubernetes against fabric8's mock API server in CRUD mode: two real service
 * processes, one Lease named LEADER_ELECTION_LEASE, one leader; the leader stopped, the other leads.
 */
class KubernetesLeaseElectionTest {
    private KubernetesMockServer api;
    private Sandbox sandbox;
    private ServiceProcess a;
    private ServiceProcess b;

    @AfterEach
    void stop() throws Exception {
        for (ServiceProcess p : new ServiceProcess[] {a, b}) if (p != null) p.kill();
        if (sandbox != null) sandbox.stop();
        if (api != null) api.destroy();
    }

    private Map<String, String> election() {
        Map<String, String> env = new HashMap<>();
        env.put("LEADER_ELECTION", "kubernetes");
        env.put("LEADER_ELECTION_LEASE", "srsync-studio-leader");
        env.put("KUBERNETES_MASTER", api.url("/"));                 // what a pod finds in its service account
        env.put("KUBERNETES_NAMESPACE", "studio");
        env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
        return env;
    }

    private static String role(KubernetesClient client, String pod) {
        var p = client.pods().inNamespace("studio").withName(pod).get();
        return p == null ? null : p.getMetadata().getLabels().get("shotgrid-resilio-sync/role");
    }

    private Lease lease(KubernetesClient client) {
        return client.leases().inNamespace("studio").withName("srsync-studio-leader").get();
    }

    @Test
    void one_lease_one_leader_and_the_other_takes_over_when_it_stops() throws Exception {
        api = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), new HashMap<>(),
                new KubernetesMixedDispatcher(new HashMap<>()), false);
        api.init();
        KubernetesClient client = api.createClient();
        for (String pod : new String[] {"pod-a", "pod-b"}) {                // the Deployment's pods, as the API server lists them
            client.pods().inNamespace("studio").resource(new PodBuilder().withNewMetadata().withName(pod)
                    .addToLabels("app.kubernetes.io/name", "shotgrid-resilio-sync").endMetadata()
                    .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                    .build()).create();
        }
        sandbox = ReplicaSupport.simulators();

        a = ServiceProcess.start(ReplicaSupport.replica(sandbox, "pod-a", election()), ServiceTestSupport.freePort(), "lease-a");
        b = ServiceProcess.start(ReplicaSupport.replica(sandbox, "pod-b", election()), ServiceTestSupport.freePort(), "lease-b");
        await().atMost(Duration.ofSeconds(30)).until(() -> ReplicaSupport.leads(a) || ReplicaSupport.leads(b));
        Thread.sleep(4000);                                          // two renewals: still exactly one
        ServiceProcess leader = ReplicaSupport.leads(a) ? a : b;
        ServiceProcess standby = leader == a ? b : a;
        assertEquals(503, standby.send("GET", "/observe/leader", null).statusCode());
        assertNotNull(lease(client));
        String leaderPod = leader == a ? "pod-a" : "pod-b", standbyPod = leader == a ? "pod-b" : "pod-a";
        assertEquals(leaderPod, lease(client).getSpec().getHolderIdentity());
        await().atMost(Duration.ofSeconds(10)).until(() -> "leader".equals(role(client, leaderPod)) && "standby".equals(role(client, standbyPod)));

        long stopped = System.nanoTime();
        leader.stop();
        client.pods().inNamespace("studio").withName(leaderPod).delete();   // as Kubernetes does with a stopped pod
        await().atMost(Duration.ofSeconds(30)).until(() -> ReplicaSupport.leads(standby));
        System.out.printf("LEADER_ELECTION=kubernetes: the standby leads %.1f s after the leader stopped%n", (System.nanoTime() - stopped) / 1e9);
        assertEquals(standbyPod, lease(client).getSpec().getHolderIdentity());
        await().atMost(Duration.ofSeconds(10)).until(() -> "leader".equals(role(client, standbyPod)));   // the Service now selects it
    }
}
