package org.aems.api.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified OAuth2 access token (JWT) of the organisation's identity provider into our {@link Principal}:
 * the subject (or {@code client_id}) names the client, a claim names its organisation, another its roles. Roles
 * we do not know are ignored; a token without organisation or without any of our roles is refused — it was not
 * issued for this platform.
 */
final class JwtPrincipals implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt claims;

    JwtPrincipals(SecuritySettings.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String organisation = jwt.getClaimAsString(claims.organisationClaim());
        if (organisation == null || organisation.isBlank()) {
            throw new BadCredentialsException("the token has no '" + claims.organisationClaim() + "' claim naming the organisation");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaims().get(claims.rolesClaim());
        Collection<?> names = claim instanceof Collection<?> c ? c : claim instanceof String s ? java.util.Arrays.asList(s.split("[ ,]+")) : java.util.List.of();
        for (Object name : names) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(String.valueOf(name))) {
                    roles.add(role);
                }
            }
        }
        if (roles.isEmpty()) {
            throw new BadCredentialsException("the token's '" + claims.rolesClaim() + "' claim holds none of the roles " + Role.names());
        }
        String name = jwt.getClaimAsString("client_id") != null ? jwt.getClaimAsString("client_id") : jwt.getSubject();
        return PrincipalAuthentication.authenticated(new Principal(name, Principal.Kind.API_CLIENT, organisation, roles));
    }
}
