package org.aems.core.brokerauth;

import java.util.Objects;
import org.aems.core.grid.SiteId;

/**
 * A broker username and whose it is. A gateway's username is its site id (docs/protocol.md); service usernames start
 * with {@code aems-}, and provisioning refuses a site id that collides with one.
 */
public sealed interface BrokerIdentity permits BrokerIdentity.Gateway, BrokerIdentity.Service {

    /**
     * The MQTT 5 user property in which a broker that can (the embedded one) tells subscribers which account published
     * a message; it replaces whatever a client put there.
     */
    String PUBLISHER_PROPERTY = "aems-publisher";

    String username();

    /** Whether this account may publish as the gateway of {@code site}: its own gateway, or the simulator. */
    default boolean mayPublishFor(SiteId site) {
        if (this instanceof Gateway g) {
            return g.site().equals(site);
        }
        return ((Service) this).role() == ServiceRole.SIMULATOR;
    }

    static BrokerIdentity ofUsername(String username) {
        return ServiceRole.ofUsername(username).<BrokerIdentity>map(Service::new)
                .orElseGet(() -> new Gateway(SiteId.of(username)));
    }

    /** The gateway of one site. */
    record Gateway(SiteId site) implements BrokerIdentity {
        public Gateway {
            Objects.requireNonNull(site, "site");
            if (ServiceRole.ofUsername(site.value()).isPresent()) {
                throw new IllegalArgumentException("site id '" + site + "' is reserved for a platform service's broker account");
            }
        }

        @Override
        public String username() {
            return site.value();
        }
    }

    /** One of the platform's services. */
    record Service(ServiceRole role) implements BrokerIdentity {
        public Service {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String username() {
            return role.username();
        }
    }
}
