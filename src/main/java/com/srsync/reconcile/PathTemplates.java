package com.srsync.reconcile;

/**
 * The folder templates of artists.yaml, relative to an agent's base path, with {@code ${PROJECT}},
 * {@code ${SEQUENCE}} and {@code ${SHOT}}. Each placeholder is filled in once, in one pass, so a value
 * that itself looks like a placeholder stays what it is.
 */
public record PathTemplates(String shots, String assets) {
    public static final String PROJECT = "${PROJECT}";
    public static final String SEQUENCE = "${SEQUENCE}";
    public static final String SHOT = "${SHOT}";

    public String shotFolder(String tankName, String sequence, String shotCode) {
        return fill(shots, tankName, sequence, shotCode);
    }

    /** True when the shots template places shots in a folder named after their sequence. */
    public boolean usesSequence() {
        return shots.contains(SEQUENCE);
    }

    public String assetsFolder(String tankName) {
        return fill(assets, tankName, null, null);
    }

    private static String fill(String template, String project, String sequence, String shot) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int from = 0;
        for (int at = template.indexOf("${", from); at >= 0; at = template.indexOf("${", from)) {
            out.append(template, from, at);
            String value = template.startsWith(PROJECT, at) ? project
                    : template.startsWith(SEQUENCE, at) ? sequence
                    : template.startsWith(SHOT, at) ? shot : null;
            String placeholder = value == null ? "${" : template.substring(at, template.indexOf('}', at) + 1);
            out.append(value == null ? "${" : value);
            from = at + placeholder.length();
        }
        return out.append(template, from, template.length()).toString();
    }
}
