/**
 * What happens after a failure: the durable dead-letter store of writes that still failed
 * ({@link com.srsync.failure.DeadLetterStore}), honouring a server's {@code Retry-After}
 * ({@link com.srsync.failure.RetryAfter}), and the backoff of reconciles that must run again
 * ({@link com.srsync.failure.ReconcileRetries}).
 */
package com.srsync.failure;
