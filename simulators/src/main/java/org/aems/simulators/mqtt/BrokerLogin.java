package org.aems.simulators.mqtt;

import java.util.Objects;

/**
 * The simulator's own broker account (ADR 0017: {@code aems-simulator}, with every gateway's rights for every site),
 * used by all its connections where the broker checks passwords.
 */
public record BrokerLogin(String username, String password) {

    public BrokerLogin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "BrokerLogin[username=" + username + ", password=***]";
    }
}
