package com.srsync.cluster;

/** A request reached a standby replica: it is answered 503 (the balancer should send it to the leader). */
public final class StandbyException extends RuntimeException {
    public StandbyException(String message) {
        super(message, null, false, false);
    }
}
