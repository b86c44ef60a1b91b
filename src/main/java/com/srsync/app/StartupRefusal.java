package com.srsync.app;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A setting that can only be checked once the service runs (SHOTGRID_DELIVERY_FIELD against ShotGrid's schema)
 * and turned out wrong: the service stops, and {@code Application} ends with exit status 2 and the message,
 * as for any other configuration error. Bound by {@code Application} before Camel starts; where the service
 * runs without it (a test), the refusal is logged and the part that needed the setting stays off.
 */
public final class StartupRefusal implements Consumer<String> {
    private static final Logger LOG = LoggerFactory.getLogger(StartupRefusal.class);

    private final Runnable stop;
    private volatile String refused;

    /** @param stop ends the service (Camel Main's completion) */
    public StartupRefusal(Runnable stop) {
        this.stop = stop;
    }

    @Override
    public void accept(String message) {
        refused = message;
        LOG.error("Configuration refused: {}; the service stops", message);
        stop.run();
    }

    /** The message the service was refused with, or null. */
    public String refused() {
        return refused;
    }
}
