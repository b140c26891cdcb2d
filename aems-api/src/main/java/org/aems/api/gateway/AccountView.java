package org.aems.api.gateway;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.time.Jst;
import org.aems.ingest.brokerauth.BrokerCredential;

/** A broker account without its secret (neither password nor hash). Times in JST. */
@Schema(name = "BrokerAccount")
record AccountView(String username,
                   @Schema(description = "GATEWAY (username = site id) or SERVICE") String kind,
                   @Schema(description = "the gateway's site; absent for a service") String siteId,
                   @Schema(description = "INGEST, DISPATCHER or SIMULATOR; absent for a gateway") String service,
                   @Schema(description = "ACTIVE or REVOKED") String status,
                   OffsetDateTime createdAt, String createdBy, OffsetDateTime rotatedAt, String rotatedBy,
                   OffsetDateTime revokedAt, String revokedBy) {

    static AccountView of(BrokerCredential c) {
        BrokerIdentity id = c.identity();
        return new AccountView(c.username(), id instanceof BrokerIdentity.Gateway ? "GATEWAY" : "SERVICE",
                id instanceof BrokerIdentity.Gateway g ? g.site().value() : null,
                id instanceof BrokerIdentity.Service s ? s.role().name() : null,
                c.active() ? "ACTIVE" : "REVOKED", jst(c.createdAt()), c.createdBy(), jst(c.rotatedAt()), c.rotatedBy(),
                jst(c.revokedAt()), c.revokedBy());
    }

    private static OffsetDateTime jst(java.time.Instant at) {
        return at == null ? null : at.atZone(Jst.ZONE).toOffsetDateTime();
    }
}
