package org.aems.ingest.brokerauth;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.ServiceRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the platform services' broker accounts with the passwords the operator configured (docker-compose's
 * {@code .env}), so that ingest, the dispatcher and the simulator can log in to a fresh broker without anyone calling
 * the API first. Retries every {@link #RETRY_SECONDS} s until the store and the broker have confirmed every account.
 */
public final class ServiceAccountBootstrap implements AutoCloseable {

    static final long RETRY_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(ServiceAccountBootstrap.class);

    private final BrokerAccounts accounts;
    private final Map<ServiceRole, String> pending;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aems-broker-accounts");
        t.setDaemon(true);
        return t;
    });

    public ServiceAccountBootstrap(BrokerAccounts accounts, Map<ServiceRole, String> passwords) {
        this.accounts = accounts;
        this.pending = new EnumMap<>(ServiceRole.class);
        this.pending.putAll(passwords);
    }

    public void start() {
        if (!pending.isEmpty()) {
            retries.execute(this::attempt);
        }
    }

    /** True once every configured account is in place. */
    public synchronized boolean done() {
        return pending.isEmpty();
    }

    private synchronized void attempt() {
        pending.entrySet().removeIf(entry -> {
            try {
                accounts.ensure(new BrokerIdentity.Service(entry.getKey()), entry.getValue(), "configuration");
                return true;
            } catch (RuntimeException e) {
                log.warn("cannot set up the broker account of {} yet, retrying in {} s: {}", entry.getKey().username(), RETRY_SECONDS,
                        e.getMessage());
                return false;
            }
        });
        if (!pending.isEmpty()) {
            retries.schedule(this::attempt, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
