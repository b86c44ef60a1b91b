package com.srsync.loop;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.PriorityBlockingQueue;
import org.apache.camel.Exchange;

/**
 * Which project is reconciled next, by up to RECONCILE_CONCURRENCY workers at once. A project is
 * never reconciled twice at once and never queued twice: a trigger that arrives while it waits
 * changes nothing (but an urgent one moves it ahead), one that arrives while it runs leads to exactly
 * one more run after it. Urgent requests (a webhook or event-log change, {@code POST /admin/sync?project=})
 * go ahead of background ones (the safety net, a sync of all projects, a takeover, retries), so a
 * change never waits behind a full pass.
 * <p>
 * {@code seda:reconcile} carries {@link Ticket}s in {@link #backlog()}, ordered urgent first, then by
 * age. A ticket is claimed before its run; one replaced by a newer ticket (moved ahead) is skipped.
 * A waiting project keeps its place in line however often it is asked for again - when full passes
 * take longer than the safety net's interval, the projects a pass has not reached yet are not sent to
 * the back behind those it reconciled, so no project waits longer than one full pass. A waiting mark
 * older than {@code staleAfter} whose ticket is no longer in the backlog (its hand-over to a worker was
 * lost) is issued again in its place, so a lost hand-over cannot keep a project from ever running.
 */
public final class ReconcileQueue {
    /** One queued reconcile of a project. */
    public record Ticket(long project, long number, boolean urgent) {}

    private static final class State {
        Ticket waiting;
        long waitingSince;
        boolean running;
        boolean again;
        boolean againUrgent;
    }

    private final long staleAfterNanos;
    private final Map<Long, State> projects = new HashMap<>();
    private long tickets;
    private final PriorityBlockingQueue<Exchange> backlog = new PriorityBlockingQueue<>(64,
            Comparator.comparing((Exchange e) -> !ticketOf(e).urgent()).thenComparingLong(e -> ticketOf(e).number()));

    public ReconcileQueue(Duration staleAfter) {
        this.staleAfterNanos = staleAfter.toNanos();
    }

    /** The queue behind {@code seda:reconcile?queue=#reconcileBacklog}. */
    public PriorityBlockingQueue<Exchange> backlog() {
        return backlog;
    }

    /**
     * A reconcile of {@code project} is asked for. Returns the ticket to queue, or null when nothing
     * is to be queued now (it waits already, or it runs and will run once more after).
     */
    public synchronized Ticket offer(long project, boolean urgent) {
        State s = projects.computeIfAbsent(project, p -> new State());
        if (s.running) {
            s.again = true;
            s.againUrgent |= urgent;
            return null;
        }
        long now = System.nanoTime();
        boolean waits = s.waiting != null && (now - s.waitingSince <= staleAfterNanos || inBacklog(s.waiting));
        if (waits && (s.waiting.urgent() || !urgent)) return null;       // it keeps its place in line
        if (waits || s.waiting == null) {
            s.waiting = new Ticket(project, ++tickets, urgent);          // new, or moved ahead: a new number
        } else {
            s.waiting = new Ticket(project, s.waiting.number(), urgent); // its ticket was lost: issued again in its place
        }
        s.waitingSince = now;
        return s.waiting;
    }

    /** True while the ticket waits in the backlog (it was not lost on its way to a worker). */
    private boolean inBacklog(Ticket ticket) {
        for (Exchange e : backlog) {
            if (ticketOf(e).equals(ticket)) return true;
        }
        return false;
    }

    /** {@link #offer} as the routes ask: a project id in any form, and the {@code reconcileUrgent} header ("true", or absent). */
    public Ticket request(Object project, Object urgent) {
        return offer(Long.parseLong(String.valueOf(project).trim()), "true".equals(String.valueOf(urgent)));
    }

    /** A worker took this ticket: true when it is the project's current one and the project is not running. */
    public synchronized boolean claim(Ticket ticket) {
        State s = projects.get(ticket.project());
        if (s == null || s.running || s.waiting == null || !s.waiting.equals(ticket)) return false;
        s.waiting = null;
        s.running = true;
        return true;
    }

    /** The project's run ended (whatever its outcome): the ticket of the one more run it is due, or null. */
    public synchronized Ticket finished(long project) {
        State s = projects.get(project);
        if (s == null || !s.running) return null;
        s.running = false;
        if (!s.again) {
            if (s.waiting == null) projects.remove(project);
            return null;
        }
        boolean urgent = s.againUrgent;
        s.again = false;
        s.againUrgent = false;
        return offer(project, urgent);
    }

    /** Projects waiting for a worker. */
    public synchronized int waiting() {
        return (int) projects.values().stream().filter(s -> s.waiting != null).count();
    }

    /** Projects being reconciled now. */
    public synchronized int running() {
        return (int) projects.values().stream().filter(s -> s.running).count();
    }

    private static Ticket ticketOf(Exchange e) {
        Object body = e.getMessage().getBody();
        return body instanceof Ticket t ? t : new Ticket(-1, Long.MAX_VALUE, false);
    }
}
