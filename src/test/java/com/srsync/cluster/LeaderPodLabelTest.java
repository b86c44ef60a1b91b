package com.srsync.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leader label is a loop: desired (leadership) against actual (the pod), tried again until it holds, failures counted. */
class LeaderPodLabelTest {
    private KubernetesMockServer api;
    private KubernetesClient client;
    private LeaderPodLabel label;
    private final ElectionStub election = new ElectionStub("replica-a");
    private final Leadership leadership = Leadership.on("kubernetes", election);

    @BeforeEach
    void start() throws Exception {
        api = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), new HashMap<>(),
                new KubernetesMixedDispatcher(new HashMap<>()), false);
        api.init();
        client = api.createClient();
        leadership.join();
    }

    @AfterEach
    void stop() {
        if (label != null) label.stop();
        client.close();
        api.destroy();
    }

    private void createPod() {
        client.pods().inNamespace("studio").resource(new PodBuilder().withNewMetadata().withName("replica-a")
                .addToLabels("app.kubernetes.io/name", "shotgrid-resilio-sync").endMetadata().build()).create();
    }

    private String role() {
        Pod p = client.pods().inNamespace("studio").withName("replica-a").get();
        return p == null ? null : p.getMetadata().getLabels().get(LeaderPodLabel.LABEL);
    }

    @Test
    void the_label_follows_leadership_and_is_put_back_when_something_else_changes_it() {
        createPod();
        label = new LeaderPodLabel(client, "studio", "replica-a", Duration.ofMillis(300));
        label.follow(leadership);
        await().atMost(Duration.ofSeconds(5)).until(() -> "standby".equals(role()));

        election.elect("replica-a");
        await().atMost(Duration.ofSeconds(5)).until(() -> "leader".equals(role()));
        client.pods().inNamespace("studio").withName("replica-a").edit(p -> {
            p.getMetadata().getLabels().put(LeaderPodLabel.LABEL, "standby");     // a patch lost, a hand edit
            return p;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> "leader".equals(role()));
        assertNull(label.problem());
        assertEquals(0, label.failures());
    }

    @Test
    void a_failed_patch_is_tried_again_counted_and_shown_until_the_label_holds() {
        election.elect("replica-a");
        label = new LeaderPodLabel(client, "studio", "replica-a", Duration.ofSeconds(10));
        label.follow(leadership);                                   // the pod is not there yet: every try fails

        await().atMost(Duration.ofSeconds(5)).until(() -> label.failures() >= 2);
        assertNotNull(label.problem());
        assertTrue(label.problem().contains("could not be labelled shotgrid-resilio-sync/role=leader"), label.problem());

        createPod();                                                // the API answers again
        await().atMost(Duration.ofSeconds(10)).until(() -> "leader".equals(role()));
        await().atMost(Duration.ofSeconds(2)).until(() -> label.problem() == null);
    }
}
