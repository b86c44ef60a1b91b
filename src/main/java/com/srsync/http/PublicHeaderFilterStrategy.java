package com.srsync.http;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * The header filter of every platform-http endpoint ({@code camel.component.platform-http.header-filter-strategy}),
 * so of every answer the public port writes: webhook, admin, observe, the page, an integrator's route.
 *
 * <p>platform-http turns each request header and query parameter into a message header, and whatever
 * headers are on the message when the answer is written go out with it. A route's {@code removeHeaders}
 * does not cover the answers written before its steps run (a refusal in an {@code interceptFrom}, an
 * {@code onException}), so a stranger's {@code ?Refresh=0;url=…} or {@code ?Set-Cookie=…} came back as a
 * redirect or a cookie from the studio's own host. Here, once for all answers, only the headers the
 * service itself sets may leave: an allow-list, not a list of what to drop. Request headers coming in are
 * filtered as Camel's HTTP filter does.
 */
public final class PublicHeaderFilterStrategy extends HttpHeaderFilterStrategy {
    /** The names an answer of this service may carry, in lower case: each is set by a route, never taken from a request. */
    public static final Set<String> ANSWER_HEADERS = Set.of(
            "content-type",              // every answer
            "cache-control",             // no-store on admin, observe and page answers
            "retry-after",               // a standby's 503
            "www-authenticate",          // a 401 of the admin guard
            "location",                  // the Action Menu Item's 303 to the page
            "content-security-policy",   // the page
            "x-content-type-options",
            "referrer-policy");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName == null || !ANSWER_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
