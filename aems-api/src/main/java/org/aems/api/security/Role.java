package org.aems.api.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person or machine client may do (issue #7). Roles do not imply each other: a city energy officer who
 * also finalises runs holds OPERATOR and ADMIN. See docs/security.md for the endpoint matrix.
 */
public enum Role {
    /** Watches balance, plans, KPIs and dispatch; reads per-site operational data (each read is logged). */
    OPERATOR,
    /** A billing system or its clerk: reads and exports settlement, starts DRAFT runs. */
    BILLING,
    /** Registry, contracts, price series, data of record, credentials, finalising runs, audit log. */
    ADMIN,
    /** Sends or overrides what moves devices: curtailment orders, islanding, EV bookings, market plans. */
    DISPATCHER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses role names as stored or sent ("OPERATOR"), refusing unknown ones with the list of valid names. */
    public static Set<Role> parse(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role '" + name + "'; roles are " + names());
            }
        }
        return roles;
    }

    static String names() {
        return java.util.Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
