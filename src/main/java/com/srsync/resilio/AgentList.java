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

    /** {@code GET /agents} just answered: the agents by id. */
    public synchronized AgentDirectory read(String json) throws IOException {
        Map<Long, String> names = new HashMap<>();
        for (ConsoleAgent a : readings.agents(json)) names.put(a.id(), a.name());
        return keep(new AgentDirectory(names, true));
    }

    /** The console answered 404: it serves no agent list, so ids cannot be checked. */
    public synchronized AgentDirectory unlisted() {
        return keep(AgentDirectory.UNLISTED);
    }

    private AgentDirectory keep(AgentDirectory read) {
        directory = read;
        readAt = clock.instant();
        return read;
    }
}
