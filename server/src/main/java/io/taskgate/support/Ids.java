package io.taskgate.support;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opaque, prefixed ids ("usr_01hx…"): 10 characters of time, 4 of a process-wide sequence and
 * 12 random ones. They sort by creation time, so keyset pagination over
 * an id column follows creation order without a second sort key. The prefix tells an
 * integrator reading a log line what kind of object an id names.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Orders ids minted in the same millisecond by this process. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(RANDOM.nextInt());

    private Ids() {
    }

    public static String next(String prefix, Clock clock) {
        char[] chars = new char[26];
        long millis = clock.millis();
        for (int i = 9; i >= 0; i--) {
            chars[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        int sequence = SEQUENCE.getAndIncrement();
        for (int i = 13; i >= 10; i--) {
            chars[i] = ALPHABET[sequence & 31];
            sequence >>>= 5;
        }
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        for (int i = 0; i < 12; i++) {
            chars[14 + i] = ALPHABET[random[i] & 31];
        }
        return prefix + "_" + new String(chars);
    }

    /** A URL-safe random secret of the given number of bytes. */
    public static String secret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
