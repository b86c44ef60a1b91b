package com.srsync.app;

/**
 * Fails the exchange again with an exception a {@code doCatch} caught. Routes that read in parallel
 * (a multicast) use it so a failed read reaches their caller's error handling: Camel marks an exchange
 * failed inside a multicast as already handled, and the caller would otherwise never see it.
 */
public final class Rethrow {
    public void caught(Exception failure) throws Exception {
        throw failure;
    }
}
