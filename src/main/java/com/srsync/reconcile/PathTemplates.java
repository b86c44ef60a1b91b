package com.srsync.reconcile;

/**
 * The folder templates of artists.yaml, relative to an agent's base path, with {@code ${PROJECT}},
 * {@code ${SEQUENCE}} and {@code ${SHOT}}.
 */
public record PathTemplates(String shots, String assets) {
    public static final String PROJECT = "${PROJECT}";
    public static final String SEQUENCE = "${SEQUENCE}";
    public static final String SHOT = "${SHOT}";

    public String shotFolder(String tankName, String sequence, String shotCode) {
        return shots.replace(PROJECT, tankName).replace(SEQUENCE, sequence).replace(SHOT, shotCode);
    }

    public String assetsFolder(String tankName) {
        return assets.replace(PROJECT, tankName);
    }
}
