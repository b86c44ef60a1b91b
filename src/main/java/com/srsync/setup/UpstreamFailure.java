package com.srsync.setup;

import org.apache.camel.http.base.HttpOperationFailedException;

/** A failed read in words: the status and the upstream's own message, or why no answer came; never a credential. */
final class UpstreamFailure {
    private UpstreamFailure() {}

    /** The HTTP status of the failure, or 0 when no answer came. */
    static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException h) return h.getStatusCode();
        }
        return 0;
    }

    static String words(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException h) {
                String body = h.getResponseBody() == null ? "" : h.getResponseBody().replaceAll("\\s+", " ").trim();
                return "answered " + h.getStatusCode() + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
            }
        }
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return "no answer (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }
}
