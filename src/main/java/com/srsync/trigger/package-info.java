/**
 * From events to reconciles: the trigger each event asks for ({@link com.srsync.trigger.EventTriggers}),
 * and the per-project debounce window of the aggregator ({@link com.srsync.trigger.DebounceWindow}).
 */
package com.srsync.trigger;
