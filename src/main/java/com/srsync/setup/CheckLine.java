package com.srsync.setup;

/**
 * One check's outcome, in words.
 *
 * @param area     what it is about: {@code settings}, {@code shotgrid}, {@code console}, {@code artists}, {@code paths},
 *                 {@code clocks}, {@code webhooks}
 * @param required true when the service cannot work as set up unless it passes (the exit status counts only these)
 * @param todo     what to do about a failure, or why it could not tell; null when it passed
 */
public record CheckLine(String area, String name, CheckStatus status, boolean required, String message, String todo) {
    public static CheckLine passed(String area, String name, String message) {
        return new CheckLine(area, name, CheckStatus.PASSED, true, message, null);
    }

    public static CheckLine failed(String area, String name, String message, String todo) {
        return new CheckLine(area, name, CheckStatus.FAILED, true, message, todo);
    }

    public static CheckLine unknown(String area, String name, String message, String todo) {
        return new CheckLine(area, name, CheckStatus.UNKNOWN, true, message, todo);
    }

    public static CheckLine skipped(String area, String name, String why) {
        return new CheckLine(area, name, CheckStatus.SKIPPED, false, why, null);
    }

    /** The same outcome, not counted in the exit status (a warning when it failed). */
    public CheckLine optional() {
        return new CheckLine(area, name, status, false, message, todo);
    }

    /** True when it passed, or does not count. */
    public boolean fine() {
        return status == CheckStatus.PASSED || status == CheckStatus.SKIPPED || !required;
    }
}
