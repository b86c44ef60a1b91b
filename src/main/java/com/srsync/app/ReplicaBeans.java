package com.srsync.app;

import com.srsync.cluster.LeaderOnlyPolicy;
import com.srsync.cluster.LeaderScope;
import com.srsync.cluster.Leadership;
import com.srsync.cluster.ReplicaElection;
import com.srsync.config.ServiceSettings;
import com.srsync.observe.ReadinessCheck;
import com.srsync.observe.SyncMetrics;
import com.srsync.resilio.RecentJobList;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * LEADER_ELECTION: which replica leads ({@link ReplicaElection}), the routes that run only on the leader
 * ({@code routePolicy: leaderOnly}), and the one place that holds what only the leader refreshes
 * ({@link LeaderScope}): dropped on every change of term, before the leader-only routes are started or
 * stopped; the leader's gauges are served only while this replica leads.
 */
final class ReplicaBeans {
    private ReplicaBeans() {}

    static LeaderScope bind(CamelContext context, Beans beans, ServiceSettings settings, PropertiesComponent properties, SyncMetrics metrics) {
        ReplicaElection election = ReplicaElection.of(context, settings.cluster());
        Leadership leadership = beans.bind(election.leadership());
        properties.addOverrideProperty("leader.election.enabled", String.valueOf(leadership.isElected()));
        LeaderScope scope = beans.bind(new LeaderScope(leadership));          // its listener first: the views go before the routes move
        scope.hold("console job list", beans.get(RecentJobList.class)::outdated);   // another replica wrote meanwhile
        leadership.onChange(metrics::leading);
        metrics.leading(leadership.isLeader());
        LeaderOnlyPolicy policy = beans.bind("leaderOnly", new LeaderOnlyPolicy(leadership));
        metrics.gauge("srsync.leader", "1 on the replica that leads, 0 on a standby", () -> leadership.isLeader() ? 1 : 0);
        metrics.gauge("srsync.leader.takeovers", "How often this replica became the leader", leadership::takeovers);
        if (election.podLabel() != null) {
            var label = election.podLabel();
            metrics.gauge("srsync.leader.label.failures", "Failed reads or patches of this pod's leader label", label::failures);
            beans.bind("leaderLabelReadiness", ReadinessCheck.problem("leader-label", "leader label", label::problem,
                    () -> Map.of("failures", label.failures())));
        }
        StartListener.once(context, ctx -> {
            try {
                leadership.join();
            } catch (Exception e) {
                throw new IllegalStateException("LEADER_ELECTION=" + settings.cluster().election() + ": cannot join the election: " + e.getMessage(), e);
            }
            policy.startIfLeading();
        });
        return scope;
    }
}
