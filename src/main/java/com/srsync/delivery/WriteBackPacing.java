package com.srsync.delivery;

import com.srsync.cluster.TermScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast the Shot write-back may go: a budget of writes each tick; after a failed login, a ShotGrid error
 * (5xx) or no answer, a pause for the whole site (a minute, doubling to 15); after ShotGrid said the field
 * itself is wrong (it does not exist, is not text, may not be written), a stop - logged once, shown in health
 * - until the service is restarted with a field that works. The pause is leader-scoped; the stop is not (the
 * field stays wrong whoever leads).
 */
public final class WriteBackPacing implements TermScoped {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBackPacing.class);

    private final Clock clock;
    private final int writesPerTick;
    private final Duration firstPause;
    private final Duration longestPause;
    private Instant pausedUntil;
    private String pausedBecause;
    private int pausesInARow;
    private volatile String stopped;

    public WriteBackPacing(Clock clock, int writesPerTick, Duration firstPause, Duration longestPause) {
        this.clock = clock;
        this.writesPerTick = writesPerTick;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
    }

    /** True when a call to ShotGrid may be made now: not stopped, not pausing. */
    public synchronized boolean mayCall() {
        return stopped == null && (pausedUntil == null || !clock.instant().isBefore(pausedUntil));
    }

    public int writesPerTick() {
        return writesPerTick;
    }

    /** A call went through: the next failure pauses for the first time again. */
    public synchronized void succeeded() {
        pausesInARow = 0;
        pausedUntil = null;
        pausedBecause = null;
    }

    /** The site failed (no answer, a failed login, 5xx, 429): nothing more is sent to it for a while. */
    public synchronized void pause(String why) {
        long factor = 1L << Math.min(pausesInARow, 10);
        Duration wait = firstPause.multipliedBy(factor);
        if (wait.compareTo(longestPause) > 0) wait = longestPause;
        pausesInARow++;
        pausedUntil = clock.instant().plus(wait);
        pausedBecause = why;
        LOG.warn("Delivery summaries onto ShotGrid pause for {} s: {}", wait.toSeconds(), why);
    }

    /** ShotGrid said the field is wrong: nothing more is written until a restart. Logged once. */
    public void stop(String why) {
        synchronized (this) {
            if (stopped != null) return;
            stopped = why;
        }
        LOG.error("SHOTGRID_DELIVERY_FIELD: delivery summaries are no longer written onto ShotGrid: {}. Correct it and restart the service.", why);
    }

    /** Why the write-back stopped, or null. */
    public String stopped() {
        return stopped;
    }

    /** Why it pauses now and until when, or null. */
    public synchronized String pausing() {
        if (pausedUntil == null || !clock.instant().isBefore(pausedUntil)) return null;
        return "paused until " + pausedUntil + " after " + pausedBecause;
    }

    @Override
    public synchronized void forgetTerm() {
        pausedUntil = null;
        pausedBecause = null;
        pausesInARow = 0;
    }
}
