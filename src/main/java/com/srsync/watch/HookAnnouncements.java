package com.srsync.watch;

import com.srsync.cluster.TermScoped;
import com.srsync.events.ShotGridEvent;
import java.util.List;

/**
 * What ShotGrid itself announced of its webhook: a {@code Webhook_Status_Change} delivery carries the hook's
 * new status. It needs no permission and no setting, so it is always watched: a new status other than
 * {@code active} raises the alarm, an {@code active} one clears it, and so does a later read of the hook that
 * finds it active (SHOTGRID_WEBHOOK_WATCH). Leader-scoped.
 */
public final class HookAnnouncements implements TermScoped {
    static final String EVENT_TYPE = "Webhook_Status_Change";

    private volatile String announced;          // the status announced last, when it is not active

    /** A delivery's events: only a status change is looked at (every delivery passes here: no lock for the others). */
    public void arrived(List<ShotGridEvent> events) {
        for (ShotGridEvent e : events) {
            if (!EVENT_TYPE.equals(e.eventType())) continue;
            Object status = e.meta().getOrDefault("new_value", e.meta().get("webhook_status"));
            announced = status == null || "active".equalsIgnoreCase(String.valueOf(status).trim()) ? null : String.valueOf(status);
        }
    }

    /** A read of the site's hooks found every hook of ours active: an announced status is over. */
    public void readActive() {
        announced = null;
    }

    /** The alarm, or null. */
    public String problem() {
        String status = announced;
        return status == null ? null : "ShotGrid announced the webhook's new status '" + status + "' (Webhook_Status_Change): it sends "
                + "nothing until it is active again";
    }

    @Override
    public void forgetTerm() {
        announced = null;
    }
}
