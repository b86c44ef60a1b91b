package com.srsync.loop;

import com.srsync.cluster.TermScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects whose reconcile failed (a read failed, or a write was dead-lettered) and when each is due
 * again. Retries are spent in time, not in runs:
 * <ul>
 *   <li>the wait after a failure is {@code firstDelay}, doubling with each retry that failed, with jitter,
 *       never longer than {@code maxDelay} (a minute by default): a failing project is tried again
 *       within that of its last failure, until it succeeds - it is never given up;</li>
 *   <li>a run that a trigger (a webhook, the event log) started during the back-off and that failed
 *       too does not lengthen the back-off: five deliveries in a five-second outage are one failure;</li>
 *   <li>a project that has failed without a break for {@code failingAfter} (ten minutes by default) is
 *       reported ({@link #failing()}: health and the status page), logged once, until it succeeds.</li>
 * </ul>
 * A success forgets the project. Nothing waits in flight: a timer route asks for {@link #due()} projects.
 * Leader-scoped: a replica that stops or starts leading forgets every project (the new leader reconciles all).
 */
public final class ReconcileRetries implements TermScoped {
    private static final Logger LOG = LoggerFactory.getLogger("com.srsync.reconcile");

    /**
     * A project that failed.
     *
     * @param since    when its first failure in a row was
     * @param retries  how many retries (runs this handed out) failed since
     * @param dueAt    when it is handed out again; null while a retry is under way
     * @param reported whether it was reported as failing for long
     */
    private record Failing(Instant since, int retries, Instant dueAt, String why, boolean reported) {}

    /** A project failing for long, as health and the page show it. */
    public record LongFailure(String project, Instant since, String why) {}

    private final Clock clock;
    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final Duration failingAfter;
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();

    public ReconcileRetries(Clock clock, Duration firstDelay, Duration maxDelay, Duration failingAfter) {
        this.clock = clock;
        this.firstDelayMillis = firstDelay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.failingAfter = failingAfter;
    }

    /**
     * The project's reconcile failed: its next try is scheduled, unless one is already scheduled (a run a
     * trigger started during the back-off failed: the back-off stays as it was).
     */
    public void afterFailure(Object project, String why) {
        String key = String.valueOf(project);
        Instant now = clock.instant();
        Failing f = failing.compute(key, (k, before) -> {
            Instant since = before == null || before.since() == null ? now : before.since();
            if (before != null && before.dueAt() != null && now.isBefore(before.dueAt())) {
                return new Failing(since, before.retries(), before.dueAt(), why, before.reported());
            }
            int retries = before == null || before.since() == null ? 0 : before.retries() + 1;
            long delay = Math.min(maxDelayMillis, firstDelayMillis << Math.min(retries, 30));
            long jitter = (long) (delay * 0.15 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
            long wait = Math.max(1, Math.min(maxDelayMillis, delay + jitter));
            return new Failing(since, retries, now.plusMillis(wait), why, before != null && before.reported());
        });
        LOG.warn("Project {} will be reconciled again at {} (failing since {})", project, f.dueAt(), f.since());
        if (!f.reported() && !now.isBefore(f.since().plus(failingAfter))) {
            failing.computeIfPresent(key, (k, v) -> new Failing(v.since(), v.retries(), v.dueAt(), v.why(), true));
            LOG.error("Project {} has failed every reconcile since {}: {}. It is tried again at least every {} s until it succeeds",
                    project, f.since(), why, maxDelayMillis / 1000);
        }
    }

    /**
     * The project's reconcile was refused for a reason a retry does not mend (ShotGrid or the console said
     * no): it is not scheduled - the safety net tries again - but it counts as failing from now on, and is
     * reported if it goes on failing.
     */
    public void stoppedFor(Object project, String why) {
        Instant now = clock.instant();
        failing.merge(String.valueOf(project), new Failing(now, 0, null, why, false),
                (before, next) -> new Failing(before.since() == null ? now : before.since(), before.retries(), before.dueAt(), why,
                        before.reported()));
    }

    /**
     * The project is planned again no sooner than {@code epochMillis} (a write the console deferred, a job
     * that changed under a write); a later time already scheduled stays. Not a failure.
     */
    public void notBefore(Object project, long epochMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis);
        Failing f = failing.merge(String.valueOf(project), new Failing(null, 0, at, null, false),
                (before, next) -> new Failing(before.since(), before.retries(),
                        before.dueAt() == null || before.dueAt().isBefore(at) ? at : before.dueAt(), before.why(), before.reported()));
        LOG.info("Project {} will be planned again at {}", project, f.dueAt());
    }

    /** The project is planned again after the first delay (its plan met a job that had changed). Not a failure. */
    public void planAgain(Object project) {
        notBefore(project, clock.millis() + firstDelayMillis);
    }

    /** A project whose reconcile wrote everything it had to: it is forgotten. */
    public void succeeded(Object project) {
        Failing f = failing.remove(String.valueOf(project));
        if (f != null && f.reported()) LOG.info("Project {} reconciled again after failing since {}", project, f.since());
    }

    /** The projects whose wait has passed, each handed out once. */
    public List<String> due() {
        Instant now = clock.instant();
        List<String> due = new ArrayList<>();
        for (String project : failing.keySet()) {
            failing.computeIfPresent(project, (k, f) -> {
                if (f.dueAt() == null || f.dueAt().isAfter(now)) return f;
                due.add(project);
                return f.since() == null ? null : new Failing(f.since(), f.retries(), null, f.why(), f.reported());   // a failure waits for its outcome
            });
        }
        return due;
    }

    /** How many projects wait for a retry. */
    public int waiting() {
        return (int) failing.values().stream().filter(f -> f.dueAt() != null).count();
    }

    /** The projects that have failed without a break for longer than {@code failingAfter}, longest first. */
    public List<LongFailure> failing() {
        Instant limit = clock.instant().minus(failingAfter);
        List<LongFailure> out = new ArrayList<>();
        failing.forEach((project, f) -> {
            if (f.since() != null && !f.since().isAfter(limit)) out.add(new LongFailure(project, f.since(), f.why()));
        });
        out.sort(Comparator.comparing(LongFailure::since));
        return out;
    }

    /** For health: the projects failing for long, in words; null when none is. */
    public String problem() {
        List<LongFailure> long_ = failing();
        if (long_.isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        for (LongFailure f : long_) parts.add("project " + f.project() + " has failed every reconcile since " + f.since() + ": " + f.why());
        return String.join("; ", parts) + " (each is tried again at least every " + maxDelayMillis / 1000 + " s)";
    }

    @Override
    public void forgetTerm() {
        failing.clear();
    }
}
