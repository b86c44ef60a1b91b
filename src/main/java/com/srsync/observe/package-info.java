/**
 * What operators watch: the service's Prometheus meters ({@link com.srsync.observe.SyncMetrics}),
 * the state of the two upstreams as seen by real calls ({@link com.srsync.observe.UpstreamHealth}),
 * and the readiness checks built on them ({@link com.srsync.observe.ReadinessCheck}).
 */
package com.srsync.observe;
