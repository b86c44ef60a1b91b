/**
 * What camel-http needs from us, all of it plumbing the routes name: the per-call deadline, response
 * cap and upstream bookkeeping inside its client ({@link com.srsync.http.HttpLimits}), proxy settings,
 * TLS trust for the Resilio console, the two upstreams' roots, and the text-to-method converter for
 * the {@code CamelHttpMethod} header. Secrets never reach an exception message.
 */
package com.srsync.http;
