package com.srsync.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Posts ShotGrid-style webhook deliveries, signed as ShotGrid signs them. */
final class WebhookSupport {
    static final String SECRET = "webhook-secret-for-tests";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private WebhookSupport() {}

    static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/webhooks", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs {@code body} to {@code path}; {@code signature} null sends none. */
    static HttpResponse<String> post(int port, String path, byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("x-sg-webhook-id", "00000000-0000-4000-8000-000000000001")
                .timeout(java.time.Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) request.header("x-sg-signature", signature);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> deliver(int port, byte[] body) {
        return post(port, "/webhooks/shotgrid", body, sign(body, SECRET));
    }

    /** A single delivery: a task's assignees changed in {@code project}, with event id {@code eventId}. */
    static byte[] assignmentChange(long project, long eventId) {
        return ("{\"data\": {\"id\": \"1.2." + eventId + "\", \"event_log_entry_id\": " + eventId + ", \"event_type\": \"Shotgun_Task_Change\","
                + " \"operation\": \"update\", \"user\": {\"type\": \"HumanUser\", \"id\": 42}, \"entity\": {\"type\": \"Task\", \"id\": 5001},"
                + " \"project\": {\"type\": \"Project\", \"id\": " + project + "}, \"meta\": {\"type\": \"attribute_change\","
                + " \"attribute_name\": \"task_assignees\", \"entity_type\": \"Task\", \"entity_id\": 5001, \"field_data_type\": \"multi_entity\","
                + " \"added\": [{\"type\": \"HumanUser\", \"id\": 7, \"name\": \"Alex Trial\"}], \"removed\": []},"
                + " \"created_at\": \"2026-11-20 10:16:40.002211\", \"attribute_name\": \"task_assignees\", \"session_uuid\": null},"
                + " \"timestamp\": \"2026-11-20T10:16:41Z\"}").getBytes(StandardCharsets.UTF_8);
    }
}
