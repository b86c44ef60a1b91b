package com.srsync.http;

import com.srsync.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.HostnameVerifier;
import java.net.Socket;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

/**
 * The TLS trust of the calls to the Resilio console, as Camel's {@link SSLContextParameters} (the
 * {@code resilioTls} bean the Resilio endpoints name): the JVM's trust store by default; only the
 * certificates of {@code RESILIO_CA_CERT} when it is given (consoles usually have a self-signed one);
 * nothing checked with {@code RESILIO_TLS_INSECURE=true}, which the service logs loudly.
 */
public final class ResilioTls {
    private ResilioTls() {}

    public static SSLContextParameters parameters(Path caCert, boolean insecure) {
        SSLContextParameters parameters = new SSLContextParameters();
        if (insecure) {
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setTrustManager(new TrustingAnything());
            parameters.setTrustManagers(trust);
        } else if (caCert != null) {
            KeyStoreParameters store = new KeyStoreParameters();
            store.setKeyStore(trusting(caCert));
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(store);
            parameters.setTrustManagers(trust);
        }
        return parameters;
    }

    /** Host names are checked unless certificate checks are switched off. */
    public static HostnameVerifier hostnames(boolean insecure) {
        return insecure ? NoopHostnameVerifier.INSTANCE : HttpsSupport.getDefaultHostnameVerifier();
    }

    private static KeyStore trusting(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) throw new ConfigException("RESILIO_CA_CERT: " + pemFile + " holds no certificate");
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) store.setCertificateEntry("ca-" + i++, c);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("RESILIO_CA_CERT: " + pemFile + " is not a readable PEM certificate (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static final class TrustingAnything extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
