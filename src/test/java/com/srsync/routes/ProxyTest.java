package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.srsync.http.ProxySettings;
import com.srsync.stubs.ShotGridSite;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ShotGrid reached through the studio's proxy (HTTP_PROXY), the console directly (NO_PROXY, and
 * loopback is never proxied). The "proxy" here is a WireMock that answers as the site itself, so a
 * request that reaches the site did go through the proxy: the site's host name does not even resolve.
 */
class ProxyTest extends ServiceTestSupport {
    @RegisterExtension
    static WireMockExtension proxy = ShotGridSite.server();

    @Override
    void moreProperties(Properties p) {
        p.put("shotgrid.url", "http://shotgrid.studio.invalid");
        ProxySettings.componentProperties(Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.getPort(), "NO_PROXY", "console.studio.invalid"))
                .forEach(p::put);
    }

    @Test
    void shotgrid_calls_go_through_the_proxy_and_console_calls_do_not() {
        new ShotGridSite(proxy).project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010")
                .task(5001, 1213, user(7, "Alex Trial")).install();
        console.install();

        reconcile(155L);

        proxy.verify(1, postRequestedFor(urlEqualTo("/api/v1/auth/access_token")).withHeader("Host", equalTo("shotgrid.studio.invalid")));
        proxy.verify(postRequestedFor(urlEqualTo("/api/v1/entity/shots/_search")));
        proxy.verify(0, anyRequestedFor(urlMatching("/api/v2/.*")));
        resilioServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs")));
    }
}
