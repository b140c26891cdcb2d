package org.aems.api.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A machine client's authentication: first an API key as presented (unverified), then our {@link Principal} with
 * its roles as authorities — whether it came from an API key or an OAuth2 token.
 */
final class PrincipalAuthentication extends AbstractAuthenticationToken {

    private final ApiKey presented;
    private final Principal principal;

    private PrincipalAuthentication(ApiKey presented, Principal principal) {
        super(principal == null ? List.of() : principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.presented = presented;
        this.principal = principal;
        setAuthenticated(principal != null);
    }

    static PrincipalAuthentication presented(ApiKey key) {
        return new PrincipalAuthentication(key, null);
    }

    static PrincipalAuthentication authenticated(Principal principal) {
        return new PrincipalAuthentication(null, principal);
    }

    @Override
    public Object getCredentials() {
        return presented;
    }

    @Override
    public Object getPrincipal() {
        return principal != null ? principal : presented == null ? null : presented.keyId();
    }

    @Override
    public String getName() {
        return principal != null ? principal.name() : "unauthenticated";
    }
}
