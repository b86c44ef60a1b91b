package com.srsync.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which shots' delivery summaries to write onto ShotGrid (SHOTGRID_DELIVERY_FIELD, optional): those whose
 * summary changed since it was last written, at most once a minute per shot. A write that failed is due
 * again at the next poll; nothing here touches a job write.
 */
public final class DeliveryWriteBack {
    /** One write: the shot, its field's new text, and the request body. */
    public record ShotSummary(long shotId, String text, String body) {}

    private record Written(String text, Instant at) {}

    private final String field;
    private final Clock clock;
    private final Duration minInterval;
    private final ObjectMapper mapper;
    private final Map<Long, Written> written = new HashMap<>();
    private final Supplier<DeliveryView> view;

    /**
     * @param field the Shot's text field; null: the write-back is off
     * @param view  the delivery state now
     */
    public DeliveryWriteBack(String field, Supplier<DeliveryView> view, Clock clock, Duration minInterval, ObjectMapper mapper) {
        this.field = field;
        this.view = view;
        this.clock = clock;
        this.minInterval = minInterval;
        this.mapper = mapper;
    }

    public boolean isEnabled() {
        return field != null;
    }

    /** The summaries to write now (routes/shotgrid.yaml, after each delivery poll). */
    public List<ShotSummary> due() throws JsonProcessingException {
        return dueFrom(view.get());
    }

    /** The summaries to write: only from a current state (a stale one is not written), only changed ones. */
    public synchronized List<ShotSummary> dueFrom(DeliveryView view) throws JsonProcessingException {
        List<ShotSummary> out = new ArrayList<>();
        if (field == null || view.isStale() || view.checkedAt() == null) return out;
        Instant now = clock.instant();
        for (JobDelivery job : view.jobs()) {
            Long shot = job.job().shotId();
            if (shot == null) continue;
            String text = DeliverySummary.of(job);
            Written last = written.get(shot);
            if (last != null && (last.text().equals(text) || now.isBefore(last.at().plus(minInterval)))) continue;
            out.add(new ShotSummary(shot, text, mapper.writeValueAsString(mapper.createObjectNode().put(field, text))));
        }
        return out;
    }

    /** Where the summary goes: the shot's record, below /api/v1. */
    public String path(ShotSummary summary) {
        return "/entity/shots/" + summary.shotId();
    }

    /** ShotGrid took it. */
    public synchronized void written(ShotSummary summary) {
        written.put(summary.shotId(), new Written(summary.text(), clock.instant()));
    }
}
