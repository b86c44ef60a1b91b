package com.srsync.shotgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.config.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The access token's lifetime rules: renewed at 90 % of expires_in, forgotten when refused, one login at a time. */
class ShotGridTokenTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MutableClock clock = new MutableClock();
    private final ShotGridToken token = new ShotGridToken("resilio_sync", Secret.of("s3cret+key"), clock);

    private void loggedIn(String value) throws Exception {
        assertNull(token.current());
        token.accept(MAPPER.readTree("{\"access_token\": \"" + value + "\", \"expires_in\": 600}"));
        token.loginEnded();
    }

    @Test
    void the_token_is_kept_until_90_percent_of_its_lifetime() throws Exception {
        loggedIn("t1");
        clock.advance(Duration.ofSeconds(539));
        assertEquals("t1", token.current());
        clock.advance(Duration.ofSeconds(2));   // 541 s: past 90 % of 600
        assertNull(token.current());
    }

    @Test
    void a_refused_token_is_forgotten_unless_another_call_already_renewed_it() throws Exception {
        loggedIn("t1");
        token.refused("t0");                    // an older token: nothing to forget
        assertEquals("t1", token.current());
        token.refused("t1");
        assertNull(token.current());
    }

    @Test
    void calls_made_during_a_login_wait_for_it_instead_of_logging_in_too() throws Exception {
        assertNull(token.current());            // this caller logs in
        CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
            try {
                return token.current();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        token.accept(MAPPER.readTree("{\"access_token\": \"t2\", \"expires_in\": 600}"));
        token.loginEnded();

        assertEquals("t2", other.get(5, TimeUnit.SECONDS));
    }

    @Test
    void the_login_form_encodes_the_credentials_and_an_answer_without_a_token_fails() throws Exception {
        assertEquals("grant_type=client_credentials&client_id=resilio_sync&client_secret=s3cret%2Bkey", new String(token.loginForm()));
        assertThrows(ShotGridAnswerException.class, () -> token.accept(MAPPER.readTree("{\"token_type\": \"Bearer\"}")));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration d) { now = now.plus(d); }
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
