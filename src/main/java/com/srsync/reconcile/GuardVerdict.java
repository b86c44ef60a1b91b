package com.srsync.reconcile;

/** The delete guard's answer for one plan: blocked or not, and the counts it judged. */
public record GuardVerdict(boolean blocked, int deletes, int managed) {}
