package com.srsync.reconcile;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record of which ShotGrid project a job was made for, kept on the job itself: the service ends
 * every description it writes with {@code [ShotGrid project 155]}. A project's reconcile changes and
 * deletes only jobs recorded as its own (or, once, unrecorded jobs it adopts by name).
 */
public final class JobOwnership {
    private static final String OPENING = "[ShotGrid project ";
    private static final Pattern RECORD = Pattern.compile("\\[ShotGrid project (\\d{1,18})]\\s*$");

    private JobOwnership() {}

    /** {@code text} with the record of {@code projectId} at its end. */
    public static String describe(String text, long projectId) {
        return text + " [ShotGrid project " + projectId + "]";
    }

    /** The project recorded at the end of a job's description, or empty when the job has no record. */
    public static OptionalLong recordedProject(String description) {
        if (description == null) return OptionalLong.empty();
        int at = description.lastIndexOf(OPENING);
        if (at < 0) return OptionalLong.empty();
        Matcher m = RECORD.matcher(description).region(at, description.length());
        return m.lookingAt() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
