package com.srsync.setup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A peer's clock, from the {@code Date} header of its answer, against ours: more than a minute apart is a warning. Pure. */
public final class ClockSkew {
    static final Duration TOLERATED = Duration.ofSeconds(60);

    private ClockSkew() {}

    /** @param date the answer's Date header (RFC 1123), or null */
    public static CheckLine line(String peer, String date, Instant now) {
        if (date == null || date.isBlank()) {
            return CheckLine.unknown("clocks", peer, "its answer had no Date header", "nothing to do; the check cannot compare clocks").optional();
        }
        Instant theirs;
        try {
            theirs = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return CheckLine.unknown("clocks", peer, "its Date header '" + date + "' is not a date", "nothing to do").optional();
        }
        long seconds = Duration.between(now, theirs).getSeconds();
        String text = Math.abs(seconds) <= 1 ? "its clock and ours agree" : peer + "'s clock is " + Math.abs(seconds) + " s "
                + (seconds > 0 ? "ahead of" : "behind") + " ours";
        if (Math.abs(seconds) <= TOLERATED.getSeconds()) return CheckLine.passed("clocks", peer, text);
        return CheckLine.failed("clocks", peer, text, "set this machine's clock from NTP: the times on the status page and in "
                + "ShotGrid's deliveries are compared with it").optional();
    }
}
