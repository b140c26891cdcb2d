package org.aems.ingest.brokerauth;

import java.util.List;
import org.aems.core.brokerauth.Access;
import org.aems.core.brokerauth.BrokerAcl;
import org.aems.core.brokerauth.TopicRule;

/**
 * Mosquitto's static configuration rendered from the model: a {@code password_file} (the stored $7$ hashes as they
 * are) and an {@code acl_file} with one {@code user} block per account and no pattern lines, so that an account
 * without a block is allowed nothing. Mosquitto reads both at start and on SIGHUP; a connected client keeps its
 * connection until it reconnects, which is why revocation wants the dynamic-security plugin (ADR 0017).
 */
public final class MosquittoFiles {

    private MosquittoFiles() {
    }

    /** {@code username:$7$...} per active account. */
    public static String passwordFile(List<BrokerCredential> accounts) {
        StringBuilder out = new StringBuilder();
        for (BrokerCredential account : accounts) {
            if (account.active()) {
                out.append(account.username()).append(':').append(account.passwordHash().format()).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code topic write} for what an account publishes, {@code topic read} for what it subscribes to. */
    public static String aclFile(List<BrokerCredential> accounts) {
        StringBuilder out = new StringBuilder("# AEMS broker ACL (issue #7, ADR 0017), rendered from the broker_credential table.\n"
                + "# Everything not listed is denied. Do not edit: provision through /api/v1/admin/gateways and render again.\n");
        for (BrokerCredential account : accounts) {
            if (!account.active()) {
                continue;
            }
            out.append('\n').append("user ").append(account.username()).append('\n');
            for (TopicRule rule : BrokerAcl.rulesFor(account.identity())) {
                out.append("topic ").append(rule.access() == Access.PUBLISH ? "write " : "read ").append(rule.filter()).append('\n');
            }
        }
        return out.toString();
    }
}
