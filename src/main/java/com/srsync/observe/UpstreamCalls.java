package com.srsync.observe;

import com.srsync.http.Upstreams;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Watches every HTTP call the routes make and tells {@link UpstreamHealth} how ShotGrid and the
 * Resilio console answered: reachable (any answer below 500), or not (no answer, a 5xx, a refused
 * ShotGrid login, a refused console token). The health checks read that; they never call upstream themselves. Calls to other
 * URLs (an extension's chat webhook) are not watched.
 */
public final class UpstreamCalls extends EventNotifierSupport {
    private static final String LOGIN = "/auth/access_token";

    private final Upstreams upstreams;
    private final UpstreamHealth health;

    public UpstreamCalls(Upstreams upstreams, UpstreamHealth health) {
        this.upstreams = upstreams;
        this.health = health;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSendingEvent || event instanceof CamelEvent.ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeSentEvent sent)) return;   // "sending" is only asked for so "sent" is emitted
        String uri = sent.getEndpoint().getEndpointUri();
        if (!uri.startsWith("http")) return;
        String service = upstreams.serviceOf(uri);
        if (service == null) return;
        Exchange exchange = sent.getExchange();
        Exception failure = exchange.getException();
        java.time.Instant startedAt = java.time.Instant.now().minusMillis(sent.getTimeTaken());
        if (failure == null) {
            health.answered(service, startedAt);
            return;
        }
        Integer status = Upstreams.status(failure);
        String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "", String.class);
        String call = (method + " " + Upstreams.pathOf(Upstreams.failedUrl(failure, uri))).trim();
        if (Upstreams.SHOTGRID.equals(service) && status != null && status >= 400 && status < 500 && call.contains(LOGIN)) {
            health.failed(service, "login refused (" + status + "): check SHOTGRID_SCRIPT_NAME and SHOTGRID_API_KEY");
        } else if (Upstreams.RESILIO.equals(service) && status != null && (status == 401 || status == 403)) {
            health.failed(service, "token refused (" + status + "): check RESILIO_TOKEN");
        } else if (status != null && status > 0 && status < 500) {
            health.answered(service, startedAt);
        } else {
            health.failed(service, status == null || status == 0
                    ? call + " got no answer (" + Upstreams.noAnswerDetail(failure) + ")"
                    : call + " answered " + status);
        }
    }
}
