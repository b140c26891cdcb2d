package org.aems.api.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** A person signed in with a password: Spring's {@link UserDetails} around our {@link Principal}. */
record SignedInUser(Principal principal, String passwordHash, boolean enabled) implements UserDetails {

    static UserDetailsService service(UserStore users) {
        return username -> users.stored(username)
                .map(s -> new SignedInUser(s.principal(), s.passwordHash(), s.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return principal.name();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + principal.name() + "]";
    }
}
