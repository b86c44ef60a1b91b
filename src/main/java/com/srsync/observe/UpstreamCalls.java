package com.srsync.observe;

import com.srsync.http.Upstreams;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Watches every HTTP call the routes make to ShotGrid and the Resilio console, inside camel-http's
 * client (added by {@link com.srsync.http.HttpLimits}), and tells {@link UpstreamHealth} how each
 * answered: reachable (any answer below 500), or not (no answer, a 5xx, a refused ShotGrid login, a
 * refused console token, an answer that did not complete within its deadline). The health checks
 * read that; they never call upstream themselves. Calls to other URLs (an extension's chat webhook)
 * are not watched. Being in the HTTP client, it costs nothing on routes that make no HTTP call
 * (a Camel event notifier would be told of every send on every route).
 */
public final class UpstreamCalls implements ExecChainHandler {
    private static final String LOGIN = "/auth/access_token";

    private final Upstreams upstreams;
    private final UpstreamHealth health;

    public UpstreamCalls(Upstreams upstreams, UpstreamHealth health) {
        this.upstreams = upstreams;
        this.health = health;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain) throws IOException, HttpException {
        String url;
        try {
            url = request.getUri().toString();
        } catch (java.net.URISyntaxException e) {
            return chain.proceed(request, scope);
        }
        String service = upstreams.serviceOf(url);
        if (service == null) return chain.proceed(request, scope);
        String call = request.getMethod() + " " + Upstreams.pathOf(url);
        Instant startedAt = Instant.now();
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException e) {
            health.failed(service, call + " got no answer (" + Upstreams.noAnswerDetail(e) + ")");
            throw e;
        }
        answered(service, call, response.getCode(), startedAt);
        if (response.getEntity() != null) response.setEntity(new Watched(response, service, call));
        return response;
    }

    private void answered(String service, String call, int status, Instant startedAt) {
        if (Upstreams.SHOTGRID.equals(service) && status >= 400 && status < 500 && call.contains(LOGIN)) {
            health.failed(service, "login refused (" + status + "): check SHOTGRID_SCRIPT_NAME and SHOTGRID_API_KEY");
        } else if (Upstreams.RESILIO.equals(service) && (status == 401 || status == 403)) {
            health.failed(service, "token refused (" + status + "): check RESILIO_TOKEN");
        } else if (status < 500) {
            health.answered(service, startedAt);
        } else {
            health.failed(service, call + " answered " + status);
        }
    }

    /** An answer's body: a read that fails (the deadline passed, the connection dropped) marks the upstream as not answering. */
    private final class Watched extends HttpEntityWrapper {
        private final String service;
        private final String call;

        Watched(ClassicHttpResponse response, String service, String call) {
            super(response.getEntity());
            this.service = service;
            this.call = call;
        }

        @Override
        public InputStream getContent() throws IOException {
            return new FilterInputStream(super.getContent()) {
                @Override
                public int read() throws IOException {
                    try {
                        return super.read();
                    } catch (IOException e) {
                        throw failed(e);
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (IOException e) {
                        throw failed(e);
                    }
                }
            };
        }

        private IOException failed(IOException e) {
            health.failed(service, call + " got no answer (" + Upstreams.noAnswerDetail(e) + ")");
            return e;
        }
    }
}
