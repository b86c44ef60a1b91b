/**
 * From events to reconciles: the per-project debounce window of the aggregator
 * ({@link com.srsync.trigger.DebounceWindow}), at most one queued reconcile per project
 * ({@link com.srsync.trigger.PendingReconciles}), and counts of what the triggers did ({@link com.srsync.trigger.TriggerCounts}).
 */
package com.srsync.trigger;
