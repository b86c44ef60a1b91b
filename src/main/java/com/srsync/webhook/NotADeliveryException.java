package com.srsync.webhook;

/** A webhook body that is not JSON or not shaped like a ShotGrid delivery: answered 400. */
public class NotADeliveryException extends RuntimeException {
    public NotADeliveryException(String message) {
        super(message);
    }
}
