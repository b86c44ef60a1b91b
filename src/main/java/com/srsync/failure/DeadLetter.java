package com.srsync.failure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One Resilio write that still failed after its retries: what, which job, which project, the error,
 * how many times and when. Never a credential.
 *
 * @param status the console's HTTP status, 0 when no answer came, null when the failure was not an HTTP call
 */
public record DeadLetter(long project, String action, Long jobId, String jobName, String error, Integer status,
                         int attempts, String firstFailedAt, String lastFailedAt) {
    private static final int READABLE_PART = 64;

    /**
     * The file name: one document per project, action and job, so a repeat failure updates it. The
     * job name appears in a readable, shortened form for whoever lists the folder; what keeps two
     * jobs apart is the hash of the exact name beside it, so {@code A B} and {@code A_B}, names in
     * any script and names of any length each get their own file, of bounded length.
     */
    public String key() {
        StringBuilder readable = new StringBuilder();
        for (int i = 0; i < jobName.length() && readable.length() < READABLE_PART; i++) {
            char c = jobName.charAt(i);
            readable.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-') ? c : '_');
        }
        return project + "-" + action + "-" + readable + "-" + hash(project + "\n" + action + "\n" + jobName) + ".json";
    }

    /** What identifies the failed write, whatever file it was read from. */
    String identity() {
        return project + "\n" + action + "\n" + jobName;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
