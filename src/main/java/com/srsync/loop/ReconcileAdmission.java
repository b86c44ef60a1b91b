package com.srsync.loop;

import com.srsync.cluster.Leadership;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Who may reconcile now. A worker that took a ticket from {@code seda:reconcile} claims it
 * ({@link ReconcileQueue#claim}), then takes one of RECONCILE_CONCURRENCY permits and holds it from
 * the run's first read to its end - also while a write waits on the console - so at most that many
 * reconciles are under way, whatever the routes do with threads. The run notes the leadership term it
 * starts in; a replica that does not lead starts none.
 */
public final class ReconcileAdmission {
    private final ReconcileQueue queue;
    private final Leadership leadership;
    private final Semaphore permits;
    private final int size;

    public ReconcileAdmission(ReconcileQueue queue, Leadership leadership, int concurrency) {
        this.queue = queue;
        this.leadership = leadership;
        this.permits = new Semaphore(concurrency, true);
        this.size = concurrency;
    }

    /**
     * The run of this ticket, holding a permit; null when it is not to run: the ticket was replaced by a
     * newer one, the project runs already, or this replica does not lead (the leader's takeover pass owns it).
     */
    public ReconcileRun start(ReconcileQueue.Ticket ticket) {
        if (ticket == null || !queue.claim(ticket)) return null;
        long term = leadership.term();
        try {
            while (leadership.holds(term)) {
                if (permits.tryAcquire(200, TimeUnit.MILLISECONDS)) return new ReconcileRun(ticket.project(), term, System.currentTimeMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();               // the route stops: the ticket is given back below
        }
        queue.finished(ticket.project());
        return null;
    }

    /** The run ended, whatever its outcome: its permit is handed back; the ticket of one more run it is due, or null. */
    public ReconcileQueue.Ticket end(ReconcileRun run) {
        if (run.releasePermit()) permits.release();
        return queue.finished(run.getProject());
    }

    /** Reconciles under way, each holding a permit ({@code srsync_reconcile_running}). */
    public int running() {
        return size - permits.availablePermits();
    }
}
