package com.srsync.http;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * The header filter of every platform-http endpoint ({@code camel.component.platform-http.header-filter-strategy}):
 * Camel's HTTP filter, which keeps the request's headers out of answers, less one rule. It also drops an
 * answer's {@code Cache-Control}, so the {@code no-store} the admin, observe and page routes set never
 * reached the client, and a proxy or browser could keep a plan or a token-bearing page.
 */
public final class PublicHeaderFilterStrategy extends HttpHeaderFilterStrategy {
    public PublicHeaderFilterStrategy() {
        getOutFilter().remove("cache-control");          // the filter compares names in lower case
    }
}
