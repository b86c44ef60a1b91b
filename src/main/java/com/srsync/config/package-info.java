/**
 * Start-up configuration: {@link com.srsync.config.ArtistsFileLoader} reads and validates artists.yaml
 * (naming file, line and key on any error), {@link com.srsync.config.ServiceSettings} reads and validates
 * the environment settings of the contract. Nothing starts with a configuration that is wrong.
 */
package com.srsync.config;
