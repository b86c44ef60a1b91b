package com.srsync.delivery;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A job's delivery in one line, for a text field on the Shot: "2/3 ready - Alex Trial offline since
 * 09:12 UTC". Artists only; the studio storage is named when it is not ready. Pure.
 */
public final class DeliverySummary {
    /** ShotGrid's text fields take more, but a summary longer than this helps no one in a list view. */
    static final int LONGEST = 250;
    /** How {@link DeliveryAssessment} words an error on a machine that is also offline. */
    public static final String ERROR_WHILE_OFFLINE = "; error: ";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DeliverySummary() {}

    public static String of(JobDelivery job) {
        List<String> problems = new ArrayList<>();
        int artists = 0;
        int ready = 0;
        for (AgentDelivery a : job.agents()) {
            if (a.isPrimary()) {
                if (a.state() != DeliveryState.READY) problems.add(0, "studio storage " + (a.state() == DeliveryState.SYNCING ? "still indexing" : words(a)));
                continue;
            }
            artists++;
            if (a.state() == DeliveryState.READY) ready++;
            else problems.add(a.artist() + " " + words(a));
        }
        String line = ready + "/" + artists + " ready" + (problems.isEmpty() ? "" : " - " + String.join(", ", problems));
        return line.length() <= LONGEST ? line : line.substring(0, LONGEST - 1) + "…";
    }

    private static String words(AgentDelivery a) {
        return switch (a.state()) {
            case OFFLINE -> a.lastSeen() == null ? "offline" : "offline since " + HOUR.format(a.lastSeen());
            case ERROR -> Boolean.FALSE.equals(a.online()) && a.detail().contains(ERROR_WHILE_OFFLINE)
                    ? (a.lastSeen() == null ? "offline" : "offline since " + HOUR.format(a.lastSeen())) + ", error: "
                            + a.detail().substring(a.detail().indexOf(ERROR_WHILE_OFFLINE) + ERROR_WHILE_OFFLINE.length())
                    : "error: " + a.detail();
            case SYNCING -> a.filesTotal() == null ? "syncing" : "syncing (" + (a.filesCompleted() == null ? 0 : a.filesCompleted()) + "/" + a.filesTotal() + " files)";
            case WAITING -> "waiting";
            case UNKNOWN -> "unknown (" + a.detail() + ")";
            case READY -> "ready";
        };
    }
}
