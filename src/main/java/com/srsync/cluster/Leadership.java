package com.srsync.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica leads. With {@code LEADER_ELECTION=none} it always does. Otherwise Camel's
 * cluster service decides (one view, {@value #NAMESPACE}); this class only follows its leadership
 * events, tells its listeners (the leader-only routes), counts takeovers and answers
 * {@code /observe/leader}.
 */
public final class Leadership {
    public static final String NAMESPACE = "shotgrid-resilio-sync";
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    /** An answer of {@code /observe/leader}: HTTP status and JSON. */
    public record Answer(int status, String json) {}

    private final String mode;
    private final CamelClusterService service;
    private final String group;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong takeovers = new AtomicLong();
    private final AtomicLong terms = new AtomicLong();
    private volatile boolean leader;
    private volatile long term;
    private volatile String leaderId;

    private Leadership(String mode, CamelClusterService service, String group) {
        this.mode = mode;
        this.service = service;
        this.group = group;
        this.leader = service == null;
        this.term = leader ? terms.incrementAndGet() : 0;
    }

    /** {@code LEADER_ELECTION=none}: one instance, always the leader. */
    public static Leadership alone() {
        return new Leadership("none", null, NAMESPACE);
    }

    /** Follows {@code service}'s view {@value #NAMESPACE}; call {@link #join()} once the service has started. */
    public static Leadership on(String mode, CamelClusterService service) {
        return new Leadership(mode, service, NAMESPACE);
    }

    /** Follows {@code service}'s view {@code group} (the Kubernetes Lease election names its Lease after it). */
    public static Leadership on(String mode, CamelClusterService service, String group) {
        return new Leadership(mode, service, group);
    }

    /** Joins the election (the cluster service must be started). */
    public void join() throws Exception {
        if (service == null) return;
        CamelClusterView view = service.getView(group);
        view.addEventListener((CamelClusterEventListener.Leadership) this::changed);
        changed(view, view.getLeader().orElse(null));
    }

    private synchronized void changed(CamelClusterView view, CamelClusterMember newLeader) {
        boolean now = newLeader != null && newLeader.isLocal();
        leaderId = newLeader == null ? null : newLeader.getId();
        if (now == leader) return;
        if (now) term = terms.incrementAndGet();       // before leader is set: a reader that sees leader sees its term
        leader = now;
        if (!now) term = 0;
        if (now) {
            takeovers.incrementAndGet();
            LOG.warn("This replica ({}) now leads: it reconciles every project, then follows webhooks and the event log", service.getId());
        } else {
            LOG.warn("This replica ({}) is a standby now{}: it answers webhooks and admin requests 503 and calls nothing",
                    service.getId(), leaderId == null ? "" : "; " + leaderId + " leads");
        }
        for (Consumer<Boolean> l : listeners) l.accept(now);
    }

    public boolean isLeader() {
        return leader;
    }

    /**
     * This replica's current leadership term: a number that grows each time it becomes leader, 0 while it
     * is a standby. Work planned in one term must not be written in another: the replica may have lost the
     * lead and won it back meanwhile, while another replica wrote.
     */
    public long term() {
        return leader ? term : 0;
    }

    /** True while this replica leads in {@code term} (which was {@link #term()} when the work was planned). */
    public boolean holds(long term) {
        return term != 0 && leader && this.term == term;
    }

    public boolean isElected() {
        return service != null;
    }

    /** Told each time this replica starts or stops leading. */
    public void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    /** Lets a request through on the leader; throws {@link StandbyException} on a standby. */
    public void requireLeader() {
        if (!leader) throw new StandbyException("this replica is a standby; another replica leads (LEADER_ELECTION=" + mode + ")");
    }

    /** How often this replica became the leader (after start-up, a takeover). */
    public long takeovers() {
        return takeovers.get();
    }

    /** The answer with this replica's name (host and process id, or LEADER_ELECTION_ID): for a request with the admin token. */
    public Answer answer() {
        return answer(true);
    }

    /**
     * {@code /observe/leader}'s answer: 200 on the leader, 503 on a standby.
     *
     * @param named whether to name this replica (its pod or host name and process id): only for the admin token
     */
    public Answer answer(boolean named) {
        String me = service == null ? "this instance" : service.getId();
        String replica = named ? ",\"replica\":\"" + json(me) + "\"" : "";
        return leader ? new Answer(200, "{\"leader\":true" + replica + ",\"election\":\"" + mode + "\"}")
                : new Answer(503, "{\"leader\":false" + replica + ",\"election\":\"" + mode
                        + "\",\"error\":\"standby: send requests to the leader\"}");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
