package org.aems.api.gateway;

import io.swagger.v3.oas.annotations.media.Schema;
import org.aems.ingest.brokerauth.IssueResult;

/** The one response that carries a password: AEMS keeps only its hash and cannot show it again. */
@Schema(name = "IssuedBrokerCredential")
record IssuedCredentialView(@Schema(description = "the MQTT username (a gateway's is its site id)") String username,
                            @Schema(description = "the MQTT password; shown once, store it in the gateway now") String password,
                            @Schema(description = "true if an active credential was replaced: its password no longer works, "
                                    + "and a client connected with it was disconnected") boolean rotated,
                            AccountView account) {

    static IssuedCredentialView of(IssueResult result) {
        return new IssuedCredentialView(result.password().username(), result.password().password(), result.rotated(),
                AccountView.of(result.credential()));
    }

    @Override
    public String toString() {
        return "IssuedCredentialView[username=" + username + ", password=***, rotated=" + rotated + "]";
    }
}
