package com.srsync.routes;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.srsync.Application;
import com.srsync.loop.ReconcileRuns;
import com.srsync.stubs.ResilioConsole;
import com.srsync.stubs.ShotGridSite;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import java.time.Duration;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Boots the real service (Camel Main, the YAML routes from routes/, config/artists.yaml) against
 * a WireMock ShotGrid site and a WireMock Resilio console.
 */
abstract class ServiceTestSupport extends CamelMainTestSupport {
    static final String ADMIN_TOKEN = "admin-token-for-tests";

    @RegisterExtension
    static WireMockExtension shotgridServer = ShotGridSite.server();
    @RegisterExtension
    static WireMockExtension resilioServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final int httpPort = freePort();
    // HTTP/1.1 as curl and Prometheus speak it; the JDK's default h2c upgrade once left a call hanging
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    ShotGridSite site;
    ResilioConsole console;

    @Override
    protected Class<?> getMainClass() {
        return Application.class;
    }

    @Override
    public void configureContext(CamelContextConfiguration context) {
        super.configureContext(context);
        Properties p = new Properties();
        p.put("camel.server.port", String.valueOf(httpPort));
        p.put("camel.management.port", String.valueOf(httpPort));
        p.put("shotgrid.url", shotgridServer.baseUrl());
        p.put("shotgrid.script.name", "resilio_sync");
        p.put("shotgrid.api.key", "sg-api-key-secret");
        p.put("secret.token", WebhookSupport.SECRET);
        p.put("resilio.url", resilioServer.baseUrl());
        p.put("resilio.token", ResilioConsole.TOKEN);
        p.put("admin.token", ADMIN_TOKEN);
        p.put("artists.file", "config/artists.yaml");
        p.put("safety.net.initial.delay.ms", "3600000");   // tests trigger reconciles themselves
        p.put("data.dir", freshFolder().toString());
        p.put("retry.delay.ms", "50");
        p.put("retry.max.delay.ms", "400");
        p.put("reconcile.retry.delay.ms", "3600000");       // tests replay or reconcile themselves
        p.put("reconcile.retry.max.delay.ms", "3600000");
        p.put("delivery.poll.interval.ms", "0");            // off: its reads would join every test's console journal
        moreProperties(p);
        context.withUseOverridePropertiesWithPropertiesComponent(p);
    }

    /** Where the running service keeps dead letters and other state: a fresh folder per context. */
    java.nio.file.Path dataDir() {
        return context.getRegistry().lookupByNameAndType("serviceSettings", com.srsync.config.ServiceSettings.class).dataDir();
    }

    private static java.nio.file.Path freshFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("srsync-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per-class settings on top of the defaults above. */
    void moreProperties(Properties p) {}

    @Override
    protected void doPreSetup() throws Exception {
        site = new ShotGridSite(shotgridServer);
        console = new ResilioConsole(resilioServer);
        super.doPreSetup();
    }

    /** Reconciles one project through the real routes and waits until that reconcile has ended. */
    void reconcile(Object project) {
        long before = runs().ended();
        template.sendBody("seda:reconcile-requests", project);
        awaitReconciles(before + 1);
    }

    /** Waits until {@code count} reconciles have ended since the service started. */
    void awaitReconciles(long count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> runs().ended() >= count);
    }

    ReconcileRuns runs() {
        return context.getRegistry().lookupByNameAndType("reconcileRuns", ReconcileRuns.class);
    }

    HttpResponse<String> admin(String method, String pathAndQuery, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
