package com.srsync.app;

import java.util.function.Consumer;
import org.apache.camel.CamelContext;

/**
 * Runs an action once, when the context has started. (Camel calls a start-up listener again, with
 * alreadyStarted, each time a route is started later - a reloaded file, a new leader's routes.)
 */
final class StartListener {
    private StartListener() {}

    static void once(CamelContext context, Consumer<CamelContext> action) {
        try {
            context.addStartupListener((ctx, alreadyStarted) -> {
                if (!alreadyStarted) action.accept(ctx);
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot register a start-up listener", e);
        }
    }
}
