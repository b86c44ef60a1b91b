package com.srsync.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place that says what leader-only state is: every {@link TermScoped} piece is held here, by name,
 * and each forgets its term whenever this replica starts or stops leading - before the leader-only routes
 * are started or stopped, so a new term's first poll or reconcile fills an empty view.
 */
public final class LeaderScope {
    private final Map<String, TermScoped> pieces = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();

    public LeaderScope(Leadership leadership) {
        leadership.onChange(leads -> forgetTerm());
    }

    /** Holds {@code piece} under {@code name} (what it is, for the docs and a test); returns it. */
    public <T extends TermScoped> T hold(String name, T piece) {
        if (pieces.putIfAbsent(name, piece) == null) order.add(name);
        return piece;
    }

    /** The names of what is held, in the order they were added. */
    public List<String> names() {
        return List.copyOf(order);
    }

    /** Every piece forgets its term. */
    public void forgetTerm() {
        for (String name : order) pieces.get(name).forgetTerm();
    }
}
