/**
 * The normalised ShotGrid event stream, whatever its source (webhook or event log):
 * {@link com.srsync.events.ShotGridEvent}, which projects an event asks to look at
 * ({@link com.srsync.events.EventRelevance}), and duplicate detection ({@link com.srsync.events.RecentEvents}).
 */
package com.srsync.events;
