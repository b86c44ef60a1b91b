package com.srsync.setup;

/** How a check came out: passed, failed (with what to do), could not tell (and why), or not asked for by the settings. */
public enum CheckStatus {
    PASSED("ok"), FAILED("FAILED"), UNKNOWN("could not tell"), SKIPPED("skipped");

    private final String word;

    CheckStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
