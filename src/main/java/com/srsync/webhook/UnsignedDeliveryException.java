package com.srsync.webhook;

/**
 * A webhook request without the {@code x-sg-signature} header or with a wrong one: answered 401
 * (routes/errors.yaml). It carries no stack trace: it is an answer, not a fault, and a flood of
 * unsigned requests should cost as little as possible.
 */
public class UnsignedDeliveryException extends RuntimeException {
    public UnsignedDeliveryException(String message) {
        super(message, null, false, false);
    }
}
