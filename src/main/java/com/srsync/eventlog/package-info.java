/**
 * Following ShotGrid's EventLogEntry table, for studios that cannot open an inbound port and to catch
 * what webhooks missed: the durable cursor ({@link com.srsync.eventlog.CursorStore}) and the poller with
 * the event daemon's gap rule ({@link com.srsync.eventlog.EventLogPoller}).
 */
package com.srsync.eventlog;
