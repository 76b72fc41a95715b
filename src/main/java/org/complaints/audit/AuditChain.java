package org.complaints.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hashes of the audit chain. With a key (complaints.audit.key) they are HMAC-SHA256, so someone who can
 * write to the database but does not hold the key cannot forge a consistent chain; without one, SHA-256
 * still reveals every change made without recomputing the chain.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private final byte[] key;

    public AuditChain(String key) {
        this.key = key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    public boolean keyed() {
        return key != null;
    }

    /** Digest of an erasable payload: salted, so an erased payload cannot be guessed back from it. */
    public static String payloadDigest(String salt, String payload) {
        return sha256(salt + "\u001F" + payload);
    }

    public String leaf(
            Instant occurredAt,
            String actor,
            Long complaintId,
            String processInstanceId,
            String action,
            String entity,
            String payloadDigest) {
        return hash(String.join(
                "\u001F",
                Long.toString(occurredAt.toEpochMilli()),
                actor,
                String.valueOf(complaintId),
                String.valueOf(processInstanceId),
                action,
                String.valueOf(entity),
                String.valueOf(payloadDigest)));
    }

    public String link(String previous, String leaf, long seq, long rowId) {
        return hash(previous + "\u001F" + leaf + "\u001F" + seq + "\u001F" + rowId);
    }

    private String hash(String text) {
        if (key == null) {
            return sha256(text);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
