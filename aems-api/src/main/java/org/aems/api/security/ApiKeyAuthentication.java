package org.aems.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Machine clients authenticate with {@code Authorization: Bearer aems_<keyId>_<secret>} on every request (no
 * session, so no CSRF exposure). A bearer token that is not a well-formed key of ours is refused as such, not
 * silently treated as anonymous.
 */
final class ApiKeyAuthentication {

    private ApiKeyAuthentication() {
    }

    /** An unverified key as presented, then the verified client. */
    static final class Token extends AbstractAuthenticationToken {
        private final ApiKey presented;
        private final Principal principal;

        Token(ApiKey presented) {
            super(List.of());
            this.presented = presented;
            this.principal = null;
        }

        Token(Principal principal) {
            super(principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.presented = null;
            this.principal = principal;
            setAuthenticated(true);
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

    static AuthenticationConverter converter() {
        return (HttpServletRequest request) -> {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            String token = header.substring(7).trim();
            return new Token(ApiKey.parse(token).orElseThrow(() -> new BadCredentialsException(
                    "the bearer token is not an AEMS API key (aems_<16 chars>_<43 chars>); check that it was copied whole")));
        };
    }

    static AuthenticationProvider provider(ApiClientStore clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                ApiKey key = (ApiKey) authentication.getCredentials();
                return clients.authenticate(key).map(Token::new)
                        .orElseThrow(() -> new BadCredentialsException("unknown or revoked API key " + key.keyId()
                                + "; ask an ADMIN for a new one"));
            }

            @Override
            public boolean supports(Class<?> type) {
                return Token.class.isAssignableFrom(type);
            }
        };
    }
}
