package com.srsync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.cluster.LeaderScope;
import com.srsync.cluster.Leadership;
import com.srsync.config.ArtistsFile;
import com.srsync.config.ServiceSettings;
import com.srsync.durable.DataDirWrites;
import com.srsync.failure.DeadLetterStore;
import com.srsync.failure.WriteAttempts;
import com.srsync.failure.WriteRetries;
import com.srsync.http.Upstreams;
import com.srsync.loop.ReconcileAdmission;
import com.srsync.loop.ReconcileQueue;
import com.srsync.loop.ReconcileRetries;
import com.srsync.loop.ReconcileRuns;
import com.srsync.loop.ReconcileTargets;
import com.srsync.loop.RunHistory;
import com.srsync.loop.WriteFence;
import com.srsync.observe.ProblemCheck;
import com.srsync.observe.SyncMetrics;
import com.srsync.observe.UpstreamHealth;
import com.srsync.reconcile.DeleteGuard;
import com.srsync.reconcile.Reconciler;
import java.time.Clock;
import java.time.Duration;

/** The plan and the reconcile loop's bookkeeping: queue, permits and fence, runs, retries, dead letters. */
final class LoopBeans {
    private LoopBeans() {}

    static void bind(Beans beans, ServiceSettings settings, ArtistsFile rules, ObjectMapper mapper, Clock clock, SyncMetrics metrics,
                     LeaderScope scope) {
        Leadership leadership = beans.get(Leadership.class);
        Upstreams upstreams = beans.get(Upstreams.class);
        var reconcile = settings.reconcile();
        beans.bind(new Reconciler(rules::rules, new DeleteGuard(reconcile.deleteGuardFraction(), reconcile.deleteGuardMin())));
        beans.bind(new ReconcileTargets());
        DeadLetterStore deadLetters = beans.bind(new DeadLetterStore(settings.dataDir(), mapper, clock, upstreams, beans.get(DataDirWrites.class)));
        ReconcileRetries retries = beans.bind(scope.hold("reconcile retries",
                new ReconcileRetries(clock, reconcile.retryDelay(), reconcile.retryMaxDelay(), reconcile.failingAfter())));
        beans.bind("reconcileFailuresCheck", new ProblemCheck("reconcile-failures", retries::problem, () -> !leadership.isLeader()));
        RunHistory history = beans.bind(new RunHistory(500, clock));       // GET /admin/runs
        WriteAttempts attempts = new WriteAttempts();
        beans.bind(new ReconcileRuns(deadLetters, retries, metrics, beans.get(UpstreamHealth.class), upstreams, history, attempts));
        ReconcileQueue queue = beans.bind(new ReconcileQueue(reconcile.safetyNetInterval()));
        beans.bind("reconcileBacklog", queue.backlog());                 // seda:reconcile?queue=#reconcileBacklog
        beans.bind(new ReconcileAdmission(queue, leadership, reconcile.concurrency()));
        beans.bind(new WriteFence(leadership));                               // resilio.yaml, apply.yaml, shotgrid.yaml: right before each write
        // errors.yaml: a failed write is tried again in line only when the wait is at most 2 s; a longer one re-plans the project
        var calls = settings.calls();
        beans.bind(new WriteRetries(attempts, metrics, calls.retryMaxRedeliveries(), calls.retryDelay(), calls.retryMaxDelay(),
                Duration.ofSeconds(2), Duration.ofMinutes(10)));
    }
}
