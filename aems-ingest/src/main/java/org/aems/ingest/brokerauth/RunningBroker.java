package org.aems.ingest.brokerauth;

import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.IssuedPassword;

/**
 * A broker that learns account changes while it runs (Mosquitto's dynamic-security plugin). Brokers configured from
 * files learn them when the operator installs the re-rendered files; the embedded broker reads the store itself.
 */
public interface RunningBroker {

    /** Nothing to tell: the broker reads the rendered files or the store. */
    RunningBroker NONE = new RunningBroker() {
        @Override
        public void issue(BrokerIdentity identity, IssuedPassword password) {
        }

        @Override
        public void revoke(BrokerIdentity identity) {
        }
    };

    /**
     * Makes {@code password} the account's only valid password, with the account's rules (BrokerAcl). Returns once
     * the broker confirmed; throws {@link BrokerUnavailableException} if it could not.
     */
    void issue(BrokerIdentity identity, IssuedPassword password);

    /** Removes the account and disconnects its client at once; an unknown account is no error. */
    void revoke(BrokerIdentity identity);
}
