package com.srsync.routes;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Resilio console over TLS with a self-signed certificate for localhost, as consoles usually have:
 * the key store WireMock serves with, and the certificate as PEM for RESILIO_CA_CERT. Made with the
 * JDK's keytool when first used.
 */
final class TlsConsole {
    static final Path DIR = make();
    static final Path KEY_STORE = DIR.resolve("console.p12");
    static final Path CA_PEM = DIR.resolve("console-ca.pem");

    private TlsConsole() {}

    /** A WireMock server answering https with the self-signed certificate (and plain http too, unused). */
    static WireMockExtension server() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().dynamicHttpsPort()
                .keystorePath(KEY_STORE.toString()).keystorePassword("changeit").keyManagerPassword("changeit").keystoreType("PKCS12")).build();
    }

    static String httpsUrl(WireMockExtension server) {
        return "https://localhost:" + server.getHttpsPort();
    }

    private static Path make() {
        try {
            Path dir = Files.createTempDirectory("srsync-tls-");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(List.of(keytool, "-genkeypair", "-alias", "console", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-keystore", dir.resolve("console.p12").toString(), "-storetype", "PKCS12", "-storepass", "changeit"));
            run(List.of(keytool, "-exportcert", "-rfc", "-alias", "console", "-keystore", dir.resolve("console.p12").toString(),
                    "-storepass", "changeit", "-file", dir.resolve("console-ca.pem").toString()));
            return dir;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot make the test console's certificate", e);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + ": " + out);
    }
}
