package com.srsync.reconcile;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a name typed in ShotGrid (a shot code, a sequence code, a tank name) can be one folder of a
 * job's path on every system an agent may run. Names are data, never paths: a name that could climb
 * out of its folder, split into two folders, or mean something else to Windows gets no job.
 *
 * <p>Refused: empty or only spaces; {@code .} and {@code ..}; {@code /} or {@code \}; control
 * characters; {@code < > : " | ? *}; a trailing dot or space (Windows drops them, so {@code ".. "}
 * would be {@code ..}); the device names Windows reserves ({@code CON}, {@code NUL}, {@code COM1} …);
 * more than 255 characters; and any name whose compatibility form (NFKC: a full-width {@code ／} is
 * {@code /}) is refused for one of these reasons.
 */
public final class FolderNames {
    private static final String WINDOWS_FORBIDDEN = "<>:\"|?*";
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final int MAX_LENGTH = 255;

    private FolderNames() {}

    /** Why {@code name} is not a safe single folder name, or empty when it is. */
    public static Optional<String> problem(String name) {
        String own = problemOf(name);
        if (own != null) return Optional.of(own);
        if (isPlainAscii(name) || Normalizer.isNormalized(name, Normalizer.Form.NFKC)) return Optional.empty();
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        String seen = problemOf(compatible);
        return seen == null ? Optional.empty()
                : Optional.of("reads as '" + printable(compatible) + "' once normalised, which " + seen);
    }

    /**
     * The name as the most permissive system an agent may run compares folder names: one Unicode normal
     * form (macOS stores names decomposed, Windows and Linux as typed) and no case (Windows and macOS
     * ignore it). Two names with one folded form are one folder there.
     */
    public static String folded(String name) {
        if (isPlainAscii(name)) return name.toLowerCase(Locale.ROOT);      // the planner's common case: one pass, no normalising
        return Normalizer.normalize(name, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    public static boolean isSafe(String name) {
        return problem(name).isEmpty();
    }

    /** The name as it may appear in a log line: control characters shown as {@code \}{@code uXXXX}, never acted on by a terminal. */
    public static String printable(String name) {
        if (name == null) return "null";
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean isPlainAscii(String name) {
        for (int i = 0; i < name.length(); i++) if (name.charAt(i) >= 0x80) return false;
        return true;
    }

    private static String problemOf(String name) {
        if (name == null || name.isBlank()) return "is empty";
        if (name.equals(".") || name.equals("..")) return "is '" + name + "', which names a folder that already exists";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') return "contains '" + c + "', a path separator";
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return "holds a control character (" + String.format("U+%04X", (int) c) + ")";
            }
            if (WINDOWS_FORBIDDEN.indexOf(c) >= 0) return "holds '" + c + "', which Windows forbids in folder names";
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') return "ends with " + (last == '.' ? "a dot" : "a space") + ", which Windows drops";
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (WINDOWS_DEVICES.contains(stem.trim().toUpperCase(Locale.ROOT))) return "is '" + stem + "', a device name Windows reserves";
        if (name.length() > MAX_LENGTH) return "is longer than " + MAX_LENGTH + " characters";
        return null;
    }
}
