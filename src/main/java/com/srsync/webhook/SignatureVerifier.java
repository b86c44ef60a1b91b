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
 * secret, deliveries are accepted only when unsigned webhooks are explicitly allowed. Each thread keeps
 * one keyed {@link Mac}: looking the algorithm up and keying it anew for every delivery cost more than
 * the hash itself.
 */
public final class SignatureVerifier {
    private static final String PREFIX = "sha1=";
    private static final int HEX_LENGTH = 40;

    private final Secret secret;
    private final boolean allowUnsigned;
    private final ThreadLocal<Mac> macs;

    public SignatureVerifier(Secret secret, boolean allowUnsigned) {
        this.secret = secret;
        this.allowUnsigned = allowUnsigned;
        this.macs = ThreadLocal.withInitial(this::keyedMac);
    }

    public boolean accepts(byte[] body, String signatureHeader) {
        if (secret == null) return allowUnsigned;
        if (signatureHeader == null) return false;
        String header = signatureHeader.trim();
        if (header.length() != PREFIX.length() + HEX_LENGTH || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) return false;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(macs.get().doFinal(body), given);
    }

    /** The lower-case hex HMAC-SHA1 of {@code body}, as ShotGrid computes it. */
    public String sign(byte[] body) {
        return HexFormat.of().formatHex(macs.get().doFinal(body));
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }
}
