package org.aems.core.brokerauth;

import java.util.Objects;

/**
 * One allowance: {@code access} on the topics {@code filter} matches (MQTT wildcards {@code +} and {@code #}). A
 * subscription is allowed when every topic it could match is matched by {@code filter}; the {@code $share/group/}
 * prefix of a shared subscription is not part of the check.
 */
public record TopicRule(Access access, String filter) {

    public TopicRule {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(filter, "filter");
        if (filter.isEmpty() || filter.startsWith("$share/")) {
            throw new IllegalArgumentException("a rule's filter must be a plain topic filter, was '" + filter + "'");
        }
    }

    public static TopicRule publish(String filter) {
        return new TopicRule(Access.PUBLISH, filter);
    }

    public static TopicRule subscribe(String filter) {
        return new TopicRule(Access.SUBSCRIBE, filter);
    }
}
