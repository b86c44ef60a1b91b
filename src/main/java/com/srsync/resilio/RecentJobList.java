package com.srsync.resilio;

import com.srsync.reconcile.ObservedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The console's job list as last read, for as long as nothing of ours has written to the console
 * since and it is younger than a bound: a full pass of a hundred projects that finds nothing to
 * change reads the list of every job once, not a hundred times.
 *
 * <p>Every write this service sends (any call but a GET, counted in {@code direct:resilio-call})
 * makes the list as read before it unusable, at its start and again at its end; a list read while
 * a write was under way is not kept. A reconcile therefore plans from a list that holds every write
 * of ours made before it, as if it had read the list itself; what others changed by hand shows at most
 * {@code maxAge} later. A create that is retried, the admin job list, the admin plan and the targets
 * of a pass read the console anew (they use {@code direct:resilio-jobs}). A change of leader makes the
 * list outdated too: another replica may have written meanwhile.
 */
public final class RecentJobList {
    private final Clock clock;
    private final Duration maxAge;
    private long writes;            // bumped when a write starts and when it ends
    private int writesUnderWay;
    private List<ObservedJob> jobs;
    private long jobsAtWrites;
    private Instant jobsReadAt;

    public RecentJobList(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The list as last read, if no write has started since and it is young enough; otherwise null (read it anew). */
    public synchronized List<ObservedJob> recent() {
        if (jobs == null) return null;
        if (jobsAtWrites != writes || !clock.instant().isBefore(jobsReadAt.plus(maxAge))) {
            jobs = null;
            return null;
        }
        return jobs;
    }

    /** Before a read of the list: what {@link #read} needs to know whether it may keep the answer (null: it may not). */
    public synchronized Reading reading() {
        return writesUnderWay > 0 ? null : new Reading(writes, clock.instant());
    }

    /** After a read: the jobs, kept for others when no write of ours started or ended during the read. */
    public synchronized List<ObservedJob> read(Reading reading, List<ObservedJob> read) {
        List<ObservedJob> answer = List.copyOf(read);
        if (reading != null && reading.writes() == writes && !maxAge.isZero()) {
            jobs = answer;
            jobsAtWrites = writes;
            jobsReadAt = reading.startedAt();
        }
        return answer;
    }

    /** A write to the console starts. */
    public synchronized void writing() {
        writes++;
        writesUnderWay++;
        jobs = null;
    }

    /** A write to the console ended, whatever its outcome (it may have changed the console even when it failed). */
    public synchronized void written() {
        writes++;
        writesUnderWay = Math.max(0, writesUnderWay - 1);
        jobs = null;
    }

    /** A job read just now is not as the list has it (changed by hand, or gone): the list is not used again. */
    public synchronized void outdated() {
        writes++;
        jobs = null;
    }

    /** Lets go of a list that is too old to be used (memory: an idle service does not hold the console's list). */
    public synchronized void forgetOld() {
        recent();
    }

    /** When a read started, and how many writes had begun or ended by then. */
    public record Reading(long writes, Instant startedAt) {}
}
