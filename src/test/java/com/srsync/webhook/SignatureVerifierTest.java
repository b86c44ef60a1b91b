package com.srsync.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.srsync.config.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static final byte[] BODY = "{\"data\": {}}".getBytes(StandardCharsets.UTF_8);
    private final SignatureVerifier verifier = new SignatureVerifier(Secret.of("webhook-secret"), false);

    @Test
    void computes_shotgrids_signature() {
        // printf '{"data": {}}' | openssl dgst -sha1 -hmac webhook-secret
        assertEquals("e262a2f3355fecf9db6fb84eda93985c50d4aa4e", verifier.sign(BODY));
        assertTrue(verifier.accepts(BODY, "sha1=" + verifier.sign(BODY)));
        assertTrue(verifier.accepts(BODY, "SHA1=" + verifier.sign(BODY).toUpperCase()));
    }

    @Test
    void refuses_a_missing_wrong_or_malformed_signature() {
        assertFalse(verifier.accepts(BODY, null));
        assertFalse(verifier.accepts(BODY, "sha1=" + "0".repeat(40)));
        assertFalse(verifier.accepts(BODY, verifier.sign(BODY)));
        assertFalse(verifier.accepts("{\"data\": {} }".getBytes(StandardCharsets.UTF_8), "sha1=" + verifier.sign(BODY)));
    }

    @Test
    void without_a_secret_accepts_only_when_unsigned_webhooks_are_allowed() {
        assertTrue(new SignatureVerifier(null, true).accepts(BODY, null));
        assertFalse(new SignatureVerifier(null, false).accepts(BODY, null));
    }
}
