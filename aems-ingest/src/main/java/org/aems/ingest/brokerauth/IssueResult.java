package org.aems.ingest.brokerauth;

import java.util.Objects;
import org.aems.core.brokerauth.IssuedPassword;

/** An issued or rotated account and its new password, which the caller shows once and forgets. */
public record IssueResult(BrokerCredential credential, IssuedPassword password, boolean rotated) {

    public IssueResult {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(password, "password");
    }
}
