package org.aems.ingest.pipeline;

import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Rejection;
import org.aems.core.telemetry.RejectionReason;

/**
 * Defence in depth behind the broker's ACL (issue #7): when the broker names the account that published a message
 * (the embedded broker stamps {@link BrokerIdentity#PUBLISHER_PROPERTY}), the account must be the topic's site's
 * gateway or the simulator. A broker that names nobody (Mosquitto 2.0 cannot) leaves the check to its ACL.
 */
final class PublisherCheck {

    private PublisherCheck() {
    }

    /** The refusal, or null if the message may be read. */
    static Rejection refusal(String publisher, SiteId topicSite) {
        if (publisher == null) {
            return null;
        }
        boolean allowed;
        try {
            allowed = BrokerIdentity.ofUsername(publisher).mayPublishFor(topicSite);
        } catch (IllegalArgumentException notAnAccount) {
            allowed = false;
        }
        return allowed ? null : Rejection.ofMessage(RejectionReason.CREDENTIAL_MISMATCH, "published by broker account '"
                + abbreviate(publisher) + "' to site '" + topicSite + "''s topic; a gateway publishes only its own site's");
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
