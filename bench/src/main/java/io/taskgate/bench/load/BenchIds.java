package io.taskgate.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

/**
 * Ids and secrets as the server makes them, but reproducible from a seed, so the benchmark can
 * find (and authenticate as) what the generator wrote without a side file.
 * <p>
 * Ids follow {@code io.taskgate.support.Ids}: prefix, then 10 characters of milliseconds, 4 of a
 * sequence and 12 random ones, so generated tasks sort by creation time like real ones and new
 * tasks made through the API sort after them.
 */
final class BenchIds {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    /**
     * Every generated user's password. Its bcrypt hash (strength 12, the server's default, so a
     * login does not rehash it) is {@link #PASSWORD_HASH}.
     */
    static final String PASSWORD = "taskgate-bench-password";
    static final String PASSWORD_HASH = "{bcrypt}$2a$12$fHPr3.ern.4kjfHAp7OCB.XcNfT.Np.GUuUeVBBpSnNV6AqfiOlb.";

    private final Random random;
    private int sequence;

    BenchIds(long seed) {
        this.random = new Random(seed);
    }

    String next(String prefix, long millis) {
        char[] chars = new char[26];
        long m = millis;
        for (int i = 9; i >= 0; i--) {
            chars[i] = ALPHABET[(int) (m & 31)];
            m >>>= 5;
        }
        int s = sequence++;
        for (int i = 13; i >= 10; i--) {
            chars[i] = ALPHABET[s & 31];
            s >>>= 5;
        }
        for (int i = 14; i < 26; i++) {
            chars[i] = ALPHABET[random.nextInt(32)];
        }
        return prefix + "_" + new String(chars);
    }

    /** The workspace id a label names: the benchmark finds a generated workspace by its label alone. */
    static String workspaceId(String label) {
        return "ws_bench_" + label;
    }

    static String email(String label, int userNumber) {
        return "user" + userNumber + "@" + label + ".bench.taskgate.test";
    }

    /**
     * The full bearer token of a generated API key, {@code tgk_<keyId>_<secret>}: the secret is
     * derived from the key id, so knowing the id is knowing the key. Only for benchmark data.
     */
    static String apiKeyToken(String keyId) {
        byte[] digest = sha256Bytes("taskgate-bench-key:" + keyId);
        return "tgk_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** SHA-256 in hex, as {@code io.taskgate.support.SecretHash} stores secrets. */
    static String secretHash(String secret) {
        return HexFormat.of().formatHex(sha256Bytes(secret));
    }

    private static byte[] sha256Bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
