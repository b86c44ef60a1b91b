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
    static final Duration LOGIN_WAIT = Duration.ofSeconds(10);

    private final String scriptName;
    private final Secret apiKey;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;
    private boolean loggingIn;

    public ShotGridToken(String scriptName, Secret apiKey, Clock clock) {
        this.scriptName = scriptName;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    /**
     * The token while it is fresh. When a login is due, the first caller gets null and logs in; calls
     * made meanwhile (a reconcile reads in parallel) wait for that login rather than each making
     * their own, up to {@code LOGIN_WAIT}, and then log in themselves.
     */
    public synchronized String current() throws InterruptedException {
        long until = System.nanoTime() + LOGIN_WAIT.toNanos();
        while (true) {
            if (token != null && clock.instant().isBefore(renewAt)) return token;
            if (!loggingIn) {
                loggingIn = true;
                return null;
            }
            long left = until - System.nanoTime();
            if (left <= 0) return null;
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The login that {@link #current()} asked for has ended, well or not: others may go on. */
    public synchronized void loginEnded() {
        loggingIn = false;
        notifyAll();
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
