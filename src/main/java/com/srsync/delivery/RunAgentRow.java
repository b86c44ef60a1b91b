package com.srsync.delivery;

import java.util.List;

/**
 * One agent's row in a run, as {@code GET /runs/{id}/agents} lists it.
 *
 * @param status         the console's word, raw; null when it gave none
 * @param filesTotal     null when the console gave none
 * @param filesCompleted null when the console gave none
 */
public record RunAgentRow(long agentId, String status, String permission, Long filesTotal, Long filesCompleted, List<String> errors) {
    public RunAgentRow {
        errors = List.copyOf(errors);
    }
}
