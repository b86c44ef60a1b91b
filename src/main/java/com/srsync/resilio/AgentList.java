package com.srsync.resilio;

import com.srsync.delivery.ConsoleAgent;
import com.srsync.delivery.ConsoleReadings;
import com.srsync.reconcile.AgentDirectory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The console's agents as last read for planning ({@code direct:resilio-agents-recent}), kept for
 * RESILIO_JOBS_REUSE_MS: a full pass of a hundred projects reads the list once, not once a project.
 */
public final class AgentList {
    private final Clock clock;
    private final Duration maxAge;
    private final ConsoleReadings readings;
    private AgentDirectory directory;
    private Instant readAt;

    public AgentList(Clock clock, Duration maxAge, ConsoleReadings readings) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.readings = readings;
    }

    /** The list as last read, if young enough; otherwise null (read it anew). */
    public synchronized AgentDirectory recent() {
        if (directory == null || !clock.instant().isBefore(readAt.plus(maxAge))) return null;
        return directory;
    }

    /**
     * {@code GET /agents} just answered: the agents by id. An empty list is no answer to plan from - a console
     * always lists at least its studio storage - so the reconcile stops before any write, as for a failed read.
     */
    public synchronized AgentDirectory read(String json) throws IOException {
        Map<Long, String> names = new HashMap<>();
        for (ConsoleAgent a : readings.agents(json)) names.put(a.id(), a.name());
        if (names.isEmpty()) throw new com.srsync.http.UnusableAnswerException("GET /agents answered an empty list; nothing is planned from it (the reconcile stops "
                + "before any write and is tried again)");
        return keep(new AgentDirectory(names, true));
    }

    /** The console answered 404: it serves no agent list, so ids cannot be checked. */
    public synchronized AgentDirectory unlisted() {
        return keep(AgentDirectory.UNLISTED);
    }

    /** A change of term: the next plan reads the list anew. */
    public synchronized void forget() {
        directory = null;
        readAt = null;
    }

    private AgentDirectory keep(AgentDirectory read) {
        directory = read;
        readAt = clock.instant();
        return read;
    }
}
