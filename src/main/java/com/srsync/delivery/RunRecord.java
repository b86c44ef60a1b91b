package com.srsync.delivery;

import java.util.List;

/**
 * A job's run as {@code GET /runs} lists it.
 *
 * @param status      the console's word, raw ({@code working}, {@code finished}, ... or one not known here)
 * @param filesTotal  null when the console gave none
 * @param fingerprint what changes when anything of the run changes: its agents are read again when it does
 */
public record RunRecord(long id, long jobId, String status, Long filesTotal, List<String> errors, String fingerprint) {
    public RunRecord {
        errors = List.copyOf(errors);
    }
}
