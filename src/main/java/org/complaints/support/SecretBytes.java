package org.complaints.support;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random bytes for secrets (status-page and survey tokens, audit salts), without a lock all threads share.
 *
 * <p>The JDK's default {@code SecureRandom} on Linux (NativePRNG) serialises every caller, across all its instances,
 * on one lock around its read of {@code /dev/urandom}; on busy cores a thread descheduled while holding it keeps the
 * others waiting (bench/FINDINGS.md). Each thread here has its own DRBG (NIST SP 800-90A, the JDK's default
 * mechanism), seeded from the operating system's entropy.
 */
public final class SecretBytes {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecretBytes::newGenerator);

    private SecretBytes() {}

    public static byte[] next(int length) {
        byte[] bytes = new byte[length];
        RANDOM.get().nextBytes(bytes);
        return bytes;
    }

    /** The algorithm behind {@link #next(int)}, for the test. */
    static String algorithm() {
        return RANDOM.get().getAlgorithm();
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // every JDK since 9 has it
            throw new IllegalStateException("This JDK offers no DRBG SecureRandom", e);
        }
    }
}
