package com.srsync.app;

/** An admin request that may not go on: 404 when admin is disabled, 401 without the right token. */
public class AdminAccessException extends RuntimeException {
    private final int status;

    public AdminAccessException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
