/**
 * Replicas: which one leads ({@link com.srsync.cluster.Leadership}, on Camel's cluster service: a lock
 * file with {@code LEADER_ELECTION=file}, a Kubernetes Lease with {@code kubernetes}), and the routes
 * that run only on the leader ({@link com.srsync.cluster.LeaderOnlyPolicy}): reconciles, retries, the
 * safety net, the event log. A standby answers webhooks and admin requests 503 and calls nothing.
 */
package com.srsync.cluster;
