package org.aems.ingest.brokerauth;

import java.time.Instant;
import java.util.Objects;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.PasswordHash;

/**
 * A broker account as stored: whose it is, its password's hash, and who issued, last rotated and revoked it when.
 * {@code rotatedAt}, {@code rotatedBy}, {@code revokedAt} and {@code revokedBy} are null until that happened.
 */
public record BrokerCredential(BrokerIdentity identity, PasswordHash passwordHash, Instant createdAt, String createdBy,
                               Instant rotatedAt, String rotatedBy, Instant revokedAt, String revokedBy) {

    public BrokerCredential {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    public String username() {
        return identity.username();
    }

    public boolean active() {
        return revokedAt == null;
    }
}
