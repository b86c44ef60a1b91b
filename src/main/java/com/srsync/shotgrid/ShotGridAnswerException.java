package com.srsync.shotgrid;

/** ShotGrid answered, but not with something a reconcile can trust (no data, rows out of order, no token). */
public class ShotGridAnswerException extends RuntimeException {
    public ShotGridAnswerException(String message) {
        super(message);
    }
}
