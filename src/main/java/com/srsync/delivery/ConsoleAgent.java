package com.srsync.delivery;

import java.time.Instant;
import java.util.List;

/**
 * An agent as {@code GET /agents} lists it.
 *
 * @param lastSeen null when the console gave none
 * @param errors   the console's messages for the agent, in its words
 */
public record ConsoleAgent(long id, String name, boolean online, Instant lastSeen, String status, List<String> errors) {
    public ConsoleAgent {
        errors = List.copyOf(errors);
    }
}
