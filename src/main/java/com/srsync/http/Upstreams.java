package com.srsync.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * The two services the routes call, recognised by their URLs, and what a failed call to them means:
 * which service, whether trying again can help (no answer, a timeout, 429, 502, 503 or 504), how long
 * the service asked to wait ({@code Retry-After}), and a one-line description for logs, dead letters
 * and health that names the service, the call and the status, never a credential.
 */
public final class Upstreams {
    public static final String SHOTGRID = "ShotGrid";
    public static final String RESILIO = "Resilio";
    private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);
    private static final int DETAIL_LIMIT = 300;

    private final URI shotgrid;
    private final URI resilio;

    public Upstreams(URI shotgrid, URI resilio) {
        this.shotgrid = shotgrid;
        this.resilio = resilio;
    }

    /** {@value #SHOTGRID}, {@value #RESILIO}, or null for another URL (an extension's chat webhook, say). */
    public String serviceOf(String url) {
        if (url == null) return null;
        URI u;
        try {
            u = URI.create(url.replaceFirst("^(https?):(?!//)", "$1://"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (sameOrigin(u, shotgrid)) return SHOTGRID;
        if (sameOrigin(u, resilio)) return RESILIO;
        return null;
    }

    /** The path of a URL below its service's root: {@code /api/v2/jobs/1001} of the console is {@code /jobs/1001}. */
    public static String pathOf(String url) {
        try {
            String path = URI.create(url).getRawPath();
            return path == null ? "" : path.replaceFirst("^.*?/api/v[12]", "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The URL a failed call went to, as far as the failure tells (an HTTP error names it), else {@code fallback}. */
    public static String failedUrl(Throwable failure, String fallback) {
        HttpOperationFailedException http = find(failure, HttpOperationFailedException.class);
        return http != null && http.getUri() != null ? http.getUri() : fallback;
    }

    /** The HTTP status of a failed call: 0 when no answer came, null when the failure was not a call's. */
    public static Integer status(Throwable failure) {
        HttpOperationFailedException http = find(failure, HttpOperationFailedException.class);
        if (http != null) return http.getStatusCode();
        return find(failure, IOException.class) != null ? 0 : null;
    }

    /** True when trying the call again can help: no answer, a timeout, or 429, 502, 503, 504. */
    public static boolean isTransient(Throwable failure) {
        if (find(failure, IOException.class) != null) return true;
        HttpOperationFailedException http = find(failure, HttpOperationFailedException.class);
        return http != null && TRANSIENT.contains(http.getStatusCode());
    }

    /** How long the service asked to wait ({@code Retry-After}, seconds or an HTTP date), or null. */
    public static Duration retryAfter(Throwable failure) {
        HttpOperationFailedException http = find(failure, HttpOperationFailedException.class);
        if (http == null || http.getResponseHeaders() == null) return null;
        String header = null;
        for (Map.Entry<String, String> h : http.getResponseHeaders().entrySet()) {
            if (h.getKey().equalsIgnoreCase("Retry-After")) header = h.getValue();
        }
        if (header == null || header.isBlank()) return null;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /**
     * One line: {@code Resilio PUT /jobs/1001 answered 500: {"message": …}} or {@code ShotGrid POST
     * /entity/shots/_search got no answer (ConnectException)}.
     *
     * @param call the service, method and path when the route knows them ({@code Resilio PUT /jobs/1001});
     *             otherwise the service and path are taken from the failure
     */
    public String describe(Throwable failure, String call) {
        HttpOperationFailedException http = find(failure, HttpOperationFailedException.class);
        if (http != null) {
            String service = serviceOf(http.getUri());
            String what = call != null ? call : (service == null ? "" : service + " ") + pathOf(http.getUri());
            String body = http.getResponseBody() == null ? "" : http.getResponseBody().replaceAll("\\s+", " ").trim();
            if (body.length() > DETAIL_LIMIT) body = body.substring(0, DETAIL_LIMIT) + "…";
            return what + " answered " + http.getStatusCode() + (body.isEmpty() ? "" : ": " + body);
        }
        UnusableAnswerException unusable = find(failure, UnusableAnswerException.class);
        if (unusable != null) return unusable.getMessage();
        if (find(failure, IOException.class) != null) {
            return (call == null ? "the call" : call) + " got no answer (" + noAnswerDetail(failure) + ")";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getClass().getName().startsWith("org.apache.camel.")) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * Why no answer came, in words an operator acts on (no exception class: this text reaches the
     * dead letters and, with the admin token, the health page).
     */
    public static String noAnswerDetail(Throwable failure) {
        IOException io = find(failure, IOException.class);
        if (io instanceof HttpLimits.DeadlineExceededException) return io.getMessage();
        if (io instanceof java.net.ConnectException) return "connection refused";
        if (io instanceof java.net.UnknownHostException) return "unknown host";
        if (io instanceof java.net.NoRouteToHostException) return "no route to host";
        if (io instanceof java.net.SocketTimeoutException) return "timed out";
        if (io instanceof javax.net.ssl.SSLHandshakeException) return "TLS handshake failed: is the console's certificate trusted?";
        if (io instanceof javax.net.ssl.SSLException) return "TLS error";
        if (io instanceof org.apache.hc.core5.http.NoHttpResponseException
                || io instanceof org.apache.hc.core5.http.ConnectionClosedException) return "connection closed before an answer";
        return "connection failed";
    }

    private static boolean sameOrigin(URI u, URI base) {
        return base != null && u.getHost() != null && u.getHost().equalsIgnoreCase(base.getHost()) && port(u) == port(base);
    }

    private static int port(URI u) {
        if (u.getPort() > 0) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }
}
