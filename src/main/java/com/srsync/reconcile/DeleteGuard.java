package com.srsync.reconcile;

/**
 * Stops a reconcile that would delete too much at once: more than {@code fraction} of the managed
 * jobs it looks at and more than {@code minimum} jobs. A fraction of 1 or more switches it off,
 * since no plan deletes more jobs than it sees.
 */
public record DeleteGuard(double fraction, int minimum) {
    public DeleteGuard {
        if (!(fraction >= 0)) throw new IllegalArgumentException("fraction must be 0 or more");
        if (minimum < 0) throw new IllegalArgumentException("minimum must be 0 or more");
    }

    public GuardVerdict check(int deletes, int managed) {
        boolean blocked = deletes > minimum && deletes > fraction * managed;
        return new GuardVerdict(blocked, deletes, managed);
    }
}
