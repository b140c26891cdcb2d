package org.aems.core.brokerauth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A freshly generated password, handed out once (at provisioning or rotation) and never stored: only its
 * {@link PasswordHash} is. {@link #toString()} hides it, so it cannot end up in a log by accident.
 */
public record IssuedPassword(String username, String password) {

    /** 24 random bytes: 192 bits, as 32 URL-safe Base64 characters (no quoting trouble in files or shells). */
    static final int RANDOM_BYTES = 24;

    public IssuedPassword {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    public static IssuedPassword generate(String username, SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new IssuedPassword(username, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public PasswordHash hash(SecureRandom random) {
        return PasswordHash.create(password, random);
    }

    @Override
    public String toString() {
        return "IssuedPassword[username=" + username + ", password=***]";
    }
}
