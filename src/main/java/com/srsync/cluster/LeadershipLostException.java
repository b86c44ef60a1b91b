package com.srsync.cluster;

/**
 * A write was about to leave a replica that does not lead in the term its work was planned in: it is
 * not sent, and the rest of that reconcile is abandoned (the leader's takeover pass owns it). Carries no
 * stack trace: it is an expected turn of events, not a bug.
 */
public final class LeadershipLostException extends RuntimeException {
    public LeadershipLostException(String message) {
        super(message, null, false, false);
    }
}
