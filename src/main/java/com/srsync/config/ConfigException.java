package com.srsync.config;

/** A configuration that cannot be used; the message names the setting, or the file, line and key. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
