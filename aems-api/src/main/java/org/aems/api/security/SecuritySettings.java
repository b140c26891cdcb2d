package org.aems.api.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * API security (prefix {@code aems.security}).
 *
 * @param secretsDir        where the first start writes the initial administrator's password (mode 600);
 *                          default {@code ./data/secrets}
 * @param maxBodySize       largest request body of an ordinary endpoint; default 1MB
 * @param maxUploadSize     largest body of the file uploads (registry, series, certified intervals); default 1GB
 * @param requestsPerSecond requests one client address may make per {@code rateLimitPeriod} before 429; default 200
 * @param rateLimitPeriod   the rate limit's window; default 1s
 * @param bootstrapClients  machine clients a deployment needs from its first start (docker-compose's registry
 *                          import and Prometheus): each is issued once, its key written to {@code secretsDir/<name>.key}
 * @param settlementOrganisation the organisation that settles buy-back and supply (the retailer, or the platform
 *                          operator on its behalf): only its people and clients see settlement; default {@code operator}
 * @param jwt               claims of OAuth2 access tokens, used when {@code spring.security.oauth2.resourceserver.jwt.*}
 *                          names an issuer or key
 */
@ConfigurationProperties("aems.security")
public record SecuritySettings(Path secretsDir, DataSize maxBodySize, DataSize maxUploadSize, Integer requestsPerSecond,
                               Duration rateLimitPeriod, java.util.List<BootstrapClient> bootstrapClients, String settlementOrganisation,
                               Jwt jwt) {

    /** Which claims of an access token name the organisation (default {@code organisation}) and roles ({@code roles}). */
    public record Jwt(String organisationClaim, String rolesClaim) {
        public Jwt {
            organisationClaim = organisationClaim == null ? "organisation" : organisationClaim;
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        }
    }

    /** A machine client to create at first start, e.g. name {@code registry-import}, roles {@code [ADMIN]}. */
    public record BootstrapClient(String name, java.util.List<String> roles) {
    }

    public SecuritySettings {
        jwt = jwt == null ? new Jwt(null, null) : jwt;
        settlementOrganisation = settlementOrganisation == null || settlementOrganisation.isBlank() ? "operator" : settlementOrganisation;
        bootstrapClients = bootstrapClients == null ? java.util.List.of() : java.util.List.copyOf(bootstrapClients);
        secretsDir = secretsDir == null ? Path.of("data", "secrets") : secretsDir;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxUploadSize = maxUploadSize == null ? DataSize.ofGigabytes(1) : maxUploadSize;
        requestsPerSecond = requestsPerSecond == null ? 200 : requestsPerSecond;
        rateLimitPeriod = rateLimitPeriod == null ? Duration.ofSeconds(1) : rateLimitPeriod;
    }
}
