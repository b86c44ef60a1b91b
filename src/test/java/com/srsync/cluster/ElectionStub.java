package com.srsync.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * A cluster service whose election the test decides: {@link #elect} makes this replica, another
 * one or nobody the leader of every view and tells the views' listeners, as Camel's file lock and
 * Kubernetes Lease services do when the lock or the Lease changes hands.
 */
final class ElectionStub extends AbstractCamelClusterService<ElectionStub.View> {
    private final List<View> views = new ArrayList<>();

    ElectionStub(String id) {
        super(id);
    }

    /** @param leader this replica's id, another replica's id, or null for no leader */
    void elect(String leader) {
        for (View v : views) v.elect(leader);
    }

    @Override
    protected View createView(String namespace) {
        View view = new View(this, namespace);
        views.add(view);
        return view;
    }

    static final class View extends AbstractCamelClusterView {
        private volatile Optional<CamelClusterMember> leader = Optional.empty();

        View(ElectionStub service, String namespace) {
            super(service, namespace);
        }

        void elect(String id) {
            leader = id == null ? Optional.empty() : Optional.of(member(id));
            fireLeadershipChangedEvent(leader);
        }

        private CamelClusterMember member(String id) {
            boolean local = id.equals(getClusterService().getId());
            return new CamelClusterMember() {
                @Override public boolean isLeader() { return true; }
                @Override public boolean isLocal() { return local; }
                @Override public String getId() { return id; }
            };
        }

        @Override public Optional<CamelClusterMember> getLeader() { return leader; }
        @Override public CamelClusterMember getLocalMember() { return member(getClusterService().getId()); }
        @Override public List<CamelClusterMember> getMembers() { return leader.map(List::of).orElse(List.of()); }
        @Override protected void doStart() { }
        @Override protected void doStop() { }
    }
}
