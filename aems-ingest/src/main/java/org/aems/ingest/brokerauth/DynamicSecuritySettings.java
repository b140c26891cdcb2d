package org.aems.ingest.brokerauth;

import java.time.Duration;
import java.util.Objects;

/**
 * How AEMS manages Mosquitto's dynamic-security plugin (prefix {@code aems.ingest.broker-auth.dynamic-security}).
 * Unset {@code url}: no running broker is told anything; render the files instead.
 *
 * @param url      the broker, e.g. tcp://mosquitto:1883
 * @param username the plugin's admin account (created by {@code mosquitto_ctrl dynsec init} or the rendered JSON)
 * @param password its password; from the environment, never from a file in the repository
 * @param timeout  how long to wait for the plugin's answer to one command batch; default 5 s
 */
public record DynamicSecuritySettings(String url, String username, String password, Duration timeout) {

    public DynamicSecuritySettings {
        Objects.requireNonNull(url, "aems.ingest.broker-auth.dynamic-security.url must be set");
        Objects.requireNonNull(username, "aems.ingest.broker-auth.dynamic-security.username must be set");
        Objects.requireNonNull(password, "aems.ingest.broker-auth.dynamic-security.password must be set");
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    @Override
    public String toString() {
        return "DynamicSecuritySettings[url=" + url + ", username=" + username + ", password=***, timeout=" + timeout + "]";
    }
}
