package com.srsync.shotgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.srsync.config.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The script's ShotGrid access token, for {@code direct:shotgrid-token}: the login form (client
 * credentials), the token of the last login until 90 % of its lifetime has passed, and forgetting it
 * when ShotGrid refuses it. The login itself is a call in {@code routes/shotgrid.yaml}.
 */
public final class ShotGridToken {
    private final String scriptName;
    private final Secret apiKey;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ShotGridToken(String scriptName, Secret apiKey, Clock clock) {
        this.scriptName = scriptName;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    /** The token while it is fresh; null when a login is due. */
    public synchronized String current() {
        return token != null && clock.instant().isBefore(renewAt) ? token : null;
    }

    /** The body of {@code POST /api/v1/auth/access_token}: form-encoded client credentials. */
    public byte[] loginForm() {
        return ("grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(scriptName, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(apiKey.reveal(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Keeps the token of a login answer until 90 % of its {@code expires_in} (600 s when absent); returns it. */
    public synchronized String accept(JsonNode answer) {
        String access = answer == null ? "" : answer.path("access_token").asText("");
        if (access.isEmpty()) throw new ShotGridAnswerException("ShotGrid login: the answer has no access_token");
        long lifetime = Math.max(10, answer.path("expires_in").asLong(600));
        token = access;
        renewAt = clock.instant().plus(Duration.ofMillis(lifetime * 900));
        return access;
    }

    /** ShotGrid refused {@code refused}: the next {@link #current()} asks for a login (unless another call already renewed it). */
    public synchronized void refused(String refused) {
        if (refused != null && refused.equals(token)) token = null;
    }
}
