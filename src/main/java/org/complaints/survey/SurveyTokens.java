package org.complaints.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.complaints.support.SecretBytes;

/**
 * The survey link's secret: 256 random bits, URL-safe. Only its SHA-256 is stored, so whoever reads the database
 * cannot answer a survey in the complainant's name.
 */
final class SurveyTokens {

    /** What {@link #newToken()} produces: 32 bytes in unpadded base64url. */
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SurveyTokens() {}

    static String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SecretBytes.next(32));
    }

    /** Anything else is refused without a database lookup. */
    static boolean wellFormed(String token) {
        return token != null && FORM.matcher(token).matches();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
