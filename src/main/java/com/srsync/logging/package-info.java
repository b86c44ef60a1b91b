/**
 * What reaches the log: {@link com.srsync.logging.MaskedValues}, the credentials known at start-up,
 * and {@link com.srsync.logging.MaskedConverter}, the {@code %masked{...}} pattern of
 * {@code log4j2.properties} that prints {@code ****} wherever one of them would appear, in a message
 * or in an exception's text, whoever logged it (our classes, Camel, a library).
 */
package com.srsync.logging;
