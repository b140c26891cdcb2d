package org.aems.core.brokerauth;

/** The platform's own broker clients, each with one username region-wide. */
public enum ServiceRole {
    /** Subscribes to every site's upstream topics (usually as a shared subscription) and reads the broker's $SYS. */
    INGEST("aems-ingest"),
    /** Publishes every site's commands and subscribes to their acknowledgements. */
    DISPATCHER("aems-dispatcher"),
    /** Plays many gateways over few connections, so it has every gateway's rights for every site. */
    SIMULATOR("aems-simulator");

    private final String username;

    ServiceRole(String username) {
        this.username = username;
    }

    public String username() {
        return username;
    }

    /** The role whose username this is, if any. */
    public static java.util.Optional<ServiceRole> ofUsername(String username) {
        for (ServiceRole role : values()) {
            if (role.username.equals(username)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
