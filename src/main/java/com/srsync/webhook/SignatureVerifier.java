package com.srsync.webhook;

import com.srsync.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code x-sg-signature: sha1=<hex HMAC-SHA1 of the raw body>} in constant time. Without a
 * secret, deliveries are accepted only when unsigned webhooks are explicitly allowed.
 */
public final class SignatureVerifier {
    private static final String PREFIX = "sha1=";

    private final Secret secret;
    private final boolean allowUnsigned;

    public SignatureVerifier(Secret secret, boolean allowUnsigned) {
        this.secret = secret;
        this.allowUnsigned = allowUnsigned;
    }

    public boolean accepts(byte[] body, String signatureHeader) {
        if (secret == null) return allowUnsigned;
        if (signatureHeader == null || !signatureHeader.trim().toLowerCase(Locale.ROOT).startsWith(PREFIX)) return false;
        byte[] given = signatureHeader.trim().substring(PREFIX.length()).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** The lower-case hex HMAC-SHA1 of {@code body}, as ShotGrid computes it. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }
}
