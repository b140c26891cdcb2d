package org.aems.core.brokerauth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password as stored: PBKDF2-HMAC-SHA512 in Mosquitto's {@code $7$<iterations>$<salt>$<hash>} form (salt and hash in
 * standard Base64), exactly what {@code mosquitto_passwd} writes. The same value goes into a Mosquitto password file,
 * into the dynamic-security plugin's JSON (its {@code iterations}, {@code salt}, {@code password}) and is verified here
 * by the embedded broker, so one stored hash serves every broker and the plain password is never kept.
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    /**
     * Mosquitto's own default. The passwords are 192-bit random strings (never chosen by a person), so stretching adds
     * nothing against guessing, while every CONNECT pays for it: a region's gateways reconnecting after a broker restart.
     */
    public static final int DEFAULT_ITERATIONS = 101;
    static final int SALT_BYTES = 12;
    static final int HASH_BYTES = 64;
    private static final String PREFIX = "$7$";

    public PasswordHash {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("a PBKDF2-SHA512 hash has " + HASH_BYTES + " bytes, was " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash create(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(DEFAULT_ITERATIONS, salt, derive(password, salt, DEFAULT_ITERATIONS));
    }

    /** Reads the {@code $7$} form; anything else (Mosquitto's older {@code $6$} SHA512 included) is refused. */
    public static PasswordHash parse(String stored) {
        String[] parts = stored.split("\\$", -1);
        if (!stored.startsWith(PREFIX) || parts.length != 5) {
            throw new IllegalArgumentException("not a $7$<iterations>$<salt>$<hash> password hash");
        }
        try {
            return new PasswordHash(Integer.parseInt(parts[2]), Base64.getDecoder().decode(parts[3]),
                    Base64.getDecoder().decode(parts[4]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed $7$ password hash: " + e.getMessage(), e);
        }
    }

    /** Whether {@code password} is the one hashed, compared in constant time. */
    public boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    /** The {@code $7$} form, as a Mosquitto password file line has it after {@code username:}. */
    public String format() {
        return PREFIX + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash other && iterations == other.iterations && Arrays.equals(salt, other.salt)
                && Arrays.equals(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * iterations + Arrays.hashCode(salt)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "PasswordHash[$7$, iterations=" + iterations + "]";
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        // PBEKeySpec's chars become UTF-8 bytes in the JDK's PBKDF2, as mosquitto_passwd hashes the bytes it was given.
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

}
