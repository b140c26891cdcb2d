package org.aems.ingest.brokerauth;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.IssuedPassword;
import org.aems.ingest.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues, rotates and revokes broker accounts (#7). Each change is written to the store and told to the running broker
 * in one database transaction: if the broker does not confirm, the transaction rolls back and nothing changed. (If
 * the commit itself fails after the broker confirmed, the broker is ahead of the store; issuing again repairs it.)
 */
public final class BrokerAccounts {

    private static final Logger log = LoggerFactory.getLogger(BrokerAccounts.class);

    private final DataSource dataSource;
    private final BrokerCredentialStore store;
    private final RunningBroker broker;
    private final Clock clock;
    private final SecureRandom random;

    public BrokerAccounts(DataSource dataSource, BrokerCredentialStore store, RunningBroker broker, Clock clock, SecureRandom random) {
        this.dataSource = dataSource;
        this.store = store;
        this.broker = broker;
        this.clock = clock;
        this.random = random;
    }

    public BrokerCredentialStore store() {
        return store;
    }

    /**
     * A new password for {@code identity}: the account is created (or created again after a revocation), or rotated if
     * it is active, which makes the old password fail from now on.
     */
    public IssueResult issue(BrokerIdentity identity, String actor) {
        IssuedPassword password = IssuedPassword.generate(identity.username(), random);
        Instant now = clock.instant();
        return inTransaction(c -> {
            Optional<BrokerCredential> existing = store.lock(c, identity.username());
            boolean rotated = existing.filter(BrokerCredential::active).isPresent();
            BrokerCredential saved = rotated
                    ? new BrokerCredential(identity, password.hash(random), existing.get().createdAt(), existing.get().createdBy(),
                    now, actor, null, null)
                    : new BrokerCredential(identity, password.hash(random), now, actor, null, null, null, null);
            store.save(c, saved);
            broker.issue(identity, password);
            log.info("broker account {} [username: {}, by: {}]", rotated ? "rotated" : "issued", identity.username(), actor);
            return new IssueResult(saved, password, rotated);
        });
    }

    /**
     * Makes {@code password} (given by the operator, e.g. a service's from the environment) the account's password,
     * unless it already is: then nothing happens, so a restart does not disconnect the clients using it. Returns
     * whether the account was changed.
     */
    public boolean ensure(BrokerIdentity identity, String password, String actor) {
        Instant now = clock.instant();
        return inTransaction(c -> {
            Optional<BrokerCredential> existing = store.lock(c, identity.username()).filter(BrokerCredential::active);
            if (existing.isPresent() && existing.get().passwordHash().matches(password)) {
                return false;
            }
            IssuedPassword given = new IssuedPassword(identity.username(), password);
            BrokerCredential saved = existing.isPresent()
                    ? new BrokerCredential(identity, given.hash(random), existing.get().createdAt(), existing.get().createdBy(),
                    now, actor, null, null)
                    : new BrokerCredential(identity, given.hash(random), now, actor, null, null, null, null);
            store.save(c, saved);
            broker.issue(identity, given);
            log.info("broker account set from configuration [username: {}, by: {}]", identity.username(), actor);
            return true;
        });
    }

    /** Revokes {@code identity}'s account; empty if it has none that is active. */
    public Optional<BrokerCredential> revoke(BrokerIdentity identity, String actor) {
        Instant now = clock.instant();
        return inTransaction(c -> {
            Optional<BrokerCredential> existing = store.lock(c, identity.username()).filter(BrokerCredential::active);
            if (existing.isEmpty()) {
                return Optional.<BrokerCredential>empty();
            }
            BrokerCredential old = existing.get();
            BrokerCredential revoked = new BrokerCredential(identity, old.passwordHash(), old.createdAt(), old.createdBy(),
                    old.rotatedAt(), old.rotatedBy(), now, actor);
            store.save(c, revoked);
            broker.revoke(identity);
            log.info("broker account revoked [username: {}, by: {}]", identity.username(), actor);
            return Optional.of(revoked);
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("changing a broker account failed: " + e.getMessage(), e);
        }
    }
}
