package com.srsync.config;

import java.net.URI;

/**
 * The ShotGrid site: where it is, the script the service logs in as, and the Shot text field that
 * gets each shot's delivery summary.
 *
 * @param url           the site root, without a trailing slash (SHOTGRID_URL)
 * @param deliveryField SHOTGRID_DELIVERY_FIELD, or null: nothing is written to ShotGrid
 */
public record ShotGridSettings(URI url, String scriptName, Secret apiKey, String deliveryField) {}
