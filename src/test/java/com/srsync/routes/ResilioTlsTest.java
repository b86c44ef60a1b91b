package com.srsync.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.srsync.stubs.ShotGridSite.user;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.srsync.stubs.ResilioConsole;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS to a console with a self-signed certificate: trusted by giving its CA, refused without it,
 * unchecked only when told. One class per setting, as each needs its own service.
 */
abstract class ResilioTlsTest extends ServiceTestSupport {
    @RegisterExtension
    static WireMockExtension tlsServer = TlsConsole.server();

    @Override
    void moreProperties(Properties p) {
        p.put("resilio.url", TlsConsole.httpsUrl(tlsServer));
        tls(p);
    }

    abstract void tls(Properties p);

    void reconcileOneShot() {
        site.project(155, "TST").shot(1213, 155, "TST_010_0010", "active", "TST_010").task(5001, 1213, user(7, "Alex Trial")).install();
        new ResilioConsole(tlsServer).install();
        reconcile(155L);
    }
}

class ResilioTlsWithTheConsolesCaTest extends ResilioTlsTest {
    @Override
    void tls(Properties p) {
        p.put("resilio.ca.cert", TlsConsole.CA_PEM.toString());
    }

    @Test
    void the_console_is_trusted_and_written_to() {
        reconcileOneShot();
        tlsServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs")));
    }
}

class ResilioTlsWithoutTheCaTest extends ResilioTlsTest {
    @Override
    void tls(Properties p) {
    }

    @Test
    void the_console_is_refused_and_nothing_is_written() throws Exception {
        reconcileOneShot();
        tlsServer.verify(0, anyRequestedFor(anyUrl()));
        String health = admin("GET", "/observe/health", ADMIN_TOKEN).body();
        assertTrue(health.contains("TLS handshake failed"), health);
    }
}

class ResilioTlsWithChecksSwitchedOffTest extends ResilioTlsTest {
    @Override
    void tls(Properties p) {
        p.put("resilio.tls.insecure", "true");
    }

    @Test
    void the_console_is_written_to_without_checks() {
        reconcileOneShot();
        tlsServer.verify(2, postRequestedFor(urlEqualTo("/api/v2/jobs")));
    }
}
