package com.srsync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's HEALTHCHECK: exits 0 when {@code /observe/health/live} answers 200 on this host,
 * 1 otherwise. Java, so the image needs no curl.
 */
public final class HealthProbe {
    private HealthProbe() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("MANAGEMENT_PORT", System.getenv().getOrDefault("HTTP_PORT", "8080"));
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/live")).timeout(Duration.ofSeconds(4)).build(),
                    HttpResponse.BodyHandlers.discarding());
            System.exit(answer.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }
}
