package org.aems.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Machine clients authenticate with {@code Authorization: Bearer aems_<keyId>_<secret>} on every request (no
 * session, so no CSRF exposure). A bearer token that is not a well-formed key of ours is refused as such, not
 * silently treated as anonymous.
 */
final class ApiKeyAuthentication {

    private ApiKeyAuthentication() {
    }

    /**
     * @param jwtAccepted whether other bearer tokens are left to the OAuth2 resource server (an issuer is
     *                    configured); otherwise a token that is not our key is refused here
     */
    static AuthenticationConverter converter(boolean jwtAccepted) {
        return (HttpServletRequest request) -> {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            String token = header.substring(7).trim();
            if (!ApiKey.looksLikeOne(token) && jwtAccepted) {
                return null;
            }
            return PrincipalAuthentication.presented(ApiKey.parse(token).orElseThrow(() -> new BadCredentialsException(
                    "the bearer token is not an AEMS API key (aems_<16 chars>_<43 chars>)"
                            + (jwtAccepted ? "" : " and this server accepts no other bearer tokens") + "; check that it was copied whole")));
        };
    }

    static AuthenticationProvider provider(ApiClientStore clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                ApiKey key = (ApiKey) authentication.getCredentials();
                return clients.authenticate(key).map(PrincipalAuthentication::authenticated)
                        .orElseThrow(() -> new BadCredentialsException("unknown or revoked API key " + key.keyId()
                                + "; ask an ADMIN for a new one"));
            }

            @Override
            public boolean supports(Class<?> type) {
                return PrincipalAuthentication.class.isAssignableFrom(type);
            }
        };
    }
}
