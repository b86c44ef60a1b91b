package com.srsync.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code routePolicy: leaderOnly} in a route file: the route runs only while this replica leads. It
 * is started when leadership is gained and stopped when it is lost; on a standby it does not start.
 * With {@code LEADER_ELECTION=none} the replica always leads and the policy changes nothing.
 */
public final class LeaderOnlyPolicy extends RoutePolicySupport {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderOnlyPolicy.class);

    private final Leadership leadership;
    private final Set<String> routes = ConcurrentHashMap.newKeySet();
    private volatile CamelContext context;
    private volatile ExecutorService executor;

    public LeaderOnlyPolicy(Leadership leadership) {
        this.leadership = leadership;
        leadership.onChange(leading -> followLeadership());
    }

    @Override
    public void onInit(Route route) {
        super.onInit(route);
        context = route.getCamelContext();
        routes.add(route.getRouteId());
        if (!leadership.isLeader()) route.setAutoStartup(false);
    }

    @Override
    public void onRemove(Route route) {
        routes.remove(route.getRouteId());
    }

    /** Once the context has started: starts the routes if leadership came before they could be started. */
    public void startIfLeading() {
        if (leadership.isLeader() && leadership.isElected()) followLeadership();
    }

    /** A task that starts or stops the routes as leadership stands when it runs. */
    private void followLeadership() {
        CamelContext context = this.context;
        if (context == null) return;                                   // no leader-only route yet: their autoStartup flag decides
        synchronized (this) {
            if (executor == null) executor = context.getExecutorServiceManager().newSingleThreadExecutor(this, "leader-only-routes");
        }
        executor.submit(() -> follow(context));
    }

    /**
     * Starts or stops the routes as leadership stands now (a later change is a later task). Leadership
     * can come while the context is still starting its routes, which were set not to start on their
     * own: this waits until it has started, not to lose the change.
     */
    private void follow(CamelContext context) {
        while (!context.isStarted()) {
            ServiceStatus status = context.getStatus();
            if (status == ServiceStatus.Stopping || status == ServiceStatus.Stopped) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        boolean leading = leadership.isLeader();
        for (String id : routes) {
            try {
                if (leading) context.getRouteController().startRoute(id);
                else context.getRouteController().stopRoute(id);
            } catch (Exception e) {
                LOG.error("Route {} could not be {} on a change of leadership: {}", id, leading ? "started" : "stopped", e.getMessage());
            }
        }
    }
}
