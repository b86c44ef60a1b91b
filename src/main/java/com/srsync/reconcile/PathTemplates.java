package com.srsync.reconcile;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder templates of artists.yaml, relative to an agent's base path, with {@code ${PROJECT}},
 * {@code ${SEQUENCE}} and {@code ${SHOT}}. Each placeholder is filled in once, in one pass, so a value
 * that itself looks like a placeholder stays what it is.
 */
public record PathTemplates(String shots, String assets) {
    public static final String PROJECT = "${PROJECT}";
    public static final String SEQUENCE = "${SEQUENCE}";
    public static final String SHOT = "${SHOT}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(PROJECT|SEQUENCE|SHOT)}");

    public String shotFolder(String tankName, String sequence, String shotCode) {
        return fill(shots, Map.of("PROJECT", tankName, "SEQUENCE", sequence, "SHOT", shotCode));
    }

    /** True when the shots template places shots in a folder named after their sequence. */
    public boolean usesSequence() {
        return shots.contains(SEQUENCE);
    }

    public String assetsFolder(String tankName) {
        return fill(assets, Map.of("PROJECT", tankName));
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
