package com.srsync.config;

import java.time.Duration;

/**
 * The delivery state read from the console.
 *
 * @param pollInterval DELIVERY_POLL_INTERVAL_MS; zero: off
 * @param refresh      DELIVERY_REFRESH_MS: every managed job's run is read again at least this often
 */
public record DeliverySettings(Duration pollInterval, Duration refresh) {
    public boolean enabled() {
        return !pollInterval.isZero();
    }
}
