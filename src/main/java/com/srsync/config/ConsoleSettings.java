package com.srsync.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Resilio console: where it is, its token, how its TLS certificate is trusted, and how long one read
 * of its job list may serve the plans of a pass that changes nothing.
 *
 * @param caCert   RESILIO_CA_CERT, or null: the JVM's trust store
 * @param jobsReuse RESILIO_JOBS_REUSE_MS; zero: every reconcile reads the list itself
 */
public record ConsoleSettings(URI url, Secret token, Path caCert, boolean tlsInsecure, Duration jobsReuse) {}
