package com.srsync.shotgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.config.Secret;
import com.srsync.http.JsonHttp;
import com.srsync.http.RemoteCallException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The script's access token: logs in with client credentials, renews at 90 % of its lifetime, and
 * logs in again when told the token was refused.
 */
public final class AccessTokens {
    private final URI loginUri;
    private final String scriptName;
    private final Secret apiKey;
    private final JsonHttp http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public AccessTokens(URI apiRoot, String scriptName, Secret apiKey, JsonHttp http, Clock clock) {
        this.loginUri = URI.create(apiRoot + "/auth/access_token");
        this.scriptName = scriptName;
        this.apiKey = apiKey;
        this.http = http;
        this.clock = clock;
    }

    public synchronized String current() {
        if (token == null || !clock.instant().isBefore(renewAt)) login();
        return token;
    }

    /** Forget {@code refused} so the next {@link #current()} logs in again (unless another thread already did). */
    public synchronized void refused(String refused) {
        if (refused != null && refused.equals(token)) token = null;
    }

    private void login() {
        String form = "grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(scriptName, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(apiKey.reveal(), StandardCharsets.UTF_8);
        JsonNode answer;
        try {
            answer = http.send(HttpRequest.newBuilder(loginUri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), "login").body();
        } catch (RemoteCallException e) {
            if (e.getStatus() >= 400 && e.getStatus() < 500) {
                http.health().failed("ShotGrid", "login refused (" + e.getStatus() + "): check SHOTGRID_SCRIPT_NAME and SHOTGRID_API_KEY");
            }
            throw e;
        }
        String access = answer.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new RemoteCallException("ShotGrid", "login", 200, "answer has no access_token", null, null);
        }
        long lifetime = Math.max(10, answer.path("expires_in").asLong(600));
        token = access;
        renewAt = clock.instant().plus(Duration.ofMillis(lifetime * 900));
    }
}
