/**
 * Thin HTTP plumbing shared by the two API adapters: JSON over the JDK client with connect and read
 * timeouts, TLS trust for the Resilio console, and {@link com.srsync.http.RemoteCallException}, which
 * says whether a failure is worth retrying. Secrets never reach an exception message.
 */
package com.srsync.http;
