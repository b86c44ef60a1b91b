package com.srsync.app;

import com.srsync.delivery.ConsoleAgent;
import com.srsync.delivery.DeliveryBoard;
import com.srsync.delivery.DeliveryState;
import com.srsync.delivery.DeliveryView;
import com.srsync.failure.DeadLetterStore;
import com.srsync.loop.ReconcileAdmission;
import com.srsync.loop.ReconcileQueue;
import com.srsync.loop.ReconcileRetries;
import com.srsync.observe.SyncMetrics;
import com.srsync.trigger.DebounceWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The gauges of the queues, retries, dead letters and the delivery state (the leader's view: served only while
 * this replica leads). Each with its HELP text.
 */
final class ServiceGauges {
    private ServiceGauges() {}

    /** @param deliveryPoll whether the delivery poll runs: without it there is no delivery state, and no gauge claims one */
    static void register(SyncMetrics metrics, Beans beans, Clock clock, boolean deliveryPoll) {
        DebounceWindow debounce = beans.get(DebounceWindow.class);
        ReconcileQueue queue = beans.get(ReconcileQueue.class);
        ReconcileAdmission admission = beans.get(ReconcileAdmission.class);
        ReconcileRetries retries = beans.get(ReconcileRetries.class);
        DeadLetterStore deadLetters = beans.get(DeadLetterStore.class);
        metrics.gauge("srsync.debounce.waiting", "Projects whose triggers wait out the debounce", debounce::waiting);
        metrics.gauge("srsync.reconcile.queue", "Projects queued for a reconcile", queue::waiting);
        metrics.gauge("srsync.reconcile.running", "Reconciles holding a permit, also while the console makes them wait", admission::running);
        metrics.gauge("srsync.reconcile.retry.waiting", "Projects whose failed reconcile waits for its next try", retries::waiting);
        metrics.gauge("srsync.reconcile.failing.projects", "Projects whose every reconcile has failed for RECONCILE_FAILING_AFTER_MS or longer",
                () -> retries.failing().size());
        metrics.gauge("srsync.dead.letters", "Writes that still failed after their retries, waiting in DATA_DIR/dead-letters", deadLetters::count);
        if (deliveryPoll) delivery(metrics, beans.get(DeliveryBoard.class), clock);
    }

    /** The delivery state's gauges: the leader's view, absent on a standby. */
    private static void delivery(SyncMetrics metrics, DeliveryBoard board, Clock clock) {
        for (DeliveryState state : DeliveryState.values()) {
            metrics.leaderGauge("srsync.delivery.artists", "Artists' places on jobs, by delivery state", "state", state.word(),
                    () -> board.view(null).artistsIn(state));
        }
        metrics.leaderGauge("srsync.delivery.agents.offline", "Agents on managed jobs that the console shows offline",
                () -> board.view(null).offline().size());
        metrics.leaderGauge("srsync.delivery.longest.offline.seconds", "How long the agent on a managed job that went offline longest ago "
                + "has been offline (0 when none is)", () -> longestOffline(board.view(null), clock.instant()));
        metrics.leaderGauge("srsync.delivery.seconds.since.check", "Seconds since the delivery state was last read in full from the "
                + "console; -1 before the first read", () -> {
                    Instant at = board.view(null).checkedAt();
                    return at == null ? -1 : Duration.between(at, clock.instant()).toSeconds();
                });
    }

    private static long longestOffline(DeliveryView view, Instant now) {
        long longest = 0;
        for (ConsoleAgent a : view.offline()) {
            if (a.lastSeen() != null) longest = Math.max(longest, Duration.between(a.lastSeen(), now).toSeconds());
        }
        return longest;
    }
}
