package org.aems.api.security;

import java.util.Set;

/**
 * Who is calling, once authenticated: a person (signed in) or a machine client (API key), with the organisation
 * it acts for. Its name is what audit entries, finalisations and idempotency keys record.
 */
public record Principal(String name, Kind kind, String organisation, Set<Role> roles) implements java.security.Principal {

    public enum Kind { USER, API_CLIENT }

    @Override
    public String getName() {
        return name;
    }
}
