package org.aems.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A machine client's key, {@code aems_<keyId>_<secret>}: the key id is public (it names the row), the secret is
 * 256 random bits shown once and stored only as its SHA-256. The fixed prefix lets secret scanners find leaked
 * keys and tells a key apart from a JWT in the same {@code Authorization: Bearer} header.
 */
public record ApiKey(String keyId, String secret) {

    private static final Pattern FORMAT = Pattern.compile("aems_([a-z2-7]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    public static ApiKey generate() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ApiKey(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key as presented, or empty if it is not shaped like one of ours. */
    public static Optional<ApiKey> parse(String presented) {
        Matcher m = FORMAT.matcher(presented);
        return m.matches() ? Optional.of(new ApiKey(m.group(1), m.group(2))) : Optional.empty();
    }

    public static boolean looksLikeOne(String token) {
        return token.startsWith("aems_");
    }

    public byte[] secretSha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Constant-time, so the time taken says nothing about how much of a guess was right. */
    public boolean matches(byte[] storedSha256) {
        return MessageDigest.isEqual(secretSha256(), storedSha256);
    }

    public String value() {
        return "aems_" + keyId + "_" + secret;
    }

    @Override
    public String toString() {
        return "ApiKey[" + keyId + ", secret=***]";
    }
}
