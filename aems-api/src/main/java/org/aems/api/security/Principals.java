package org.aems.api.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Our {@link Principal} behind whichever way the caller authenticated. */
public final class Principals {

    private Principals() {
    }

    public static Optional<Principal> of(Authentication auth) {
        if (auth == null) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof Principal p) {
            return Optional.of(p);
        }
        if (auth.getPrincipal() instanceof SignedInUser u) {
            return Optional.of(u.principal());
        }
        return Optional.empty();
    }

    public static Optional<Principal> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }
}
