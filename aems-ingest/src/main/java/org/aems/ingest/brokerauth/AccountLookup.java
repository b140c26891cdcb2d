package org.aems.ingest.brokerauth;

import java.util.Optional;
import org.aems.core.brokerauth.PasswordHash;

/** The password hash a broker checks a CONNECT against: present only for an active account. */
@FunctionalInterface
public interface AccountLookup {

    Optional<PasswordHash> activeHash(String username);

    /** The store's accounts, read at every CONNECT, so a revocation needs no cache to expire. */
    static AccountLookup of(BrokerCredentialStore store) {
        return username -> store.find(username).filter(BrokerCredential::active).map(BrokerCredential::passwordHash);
    }
}
