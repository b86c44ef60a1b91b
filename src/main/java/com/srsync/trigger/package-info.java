/**
 * From events to reconciles: the trigger each event asks for ({@link com.srsync.trigger.EventTriggers}),
 * the per-project debounce window of the aggregator ({@link com.srsync.trigger.DebounceWindow}), and at most
 * one queued reconcile per project ({@link com.srsync.trigger.PendingReconciles}).
 */
package com.srsync.trigger;
