package org.aems.core.telemetry;

import java.util.Optional;
import org.aems.core.grid.SiteId;

/**
 * MQTT topics of wire format v1. The site id is a topic segment and the gateway's MQTT username,
 * so broker ACLs can say {@code pattern write aems/v1/sites/%u/telemetry}.
 */
public final class Topics {
    public static final String ROOT = "aems/v1/sites/";
    /** Filter for every site's telemetry. */
    public static final String ALL_TELEMETRY = ROOT + "+/telemetry";
    /** Filter for every site's status (retained; the gateway's Last Will sets it offline). */
    public static final String ALL_STATUS = ROOT + "+/status";
    /** Filter for every site's raw ECHONET Lite smart-meter frames (schema aems.echonet.v1). */
    public static final String ALL_ECHONET = ROOT + "+/echonet";
    /** Filter for every site's command acknowledgements. */
    public static final String ALL_COMMAND_ACKS = ROOT + "+/command-acks";

    private Topics() {
    }

    public static String telemetry(SiteId site) {
        return ROOT + site.value() + "/telemetry";
    }

    /** Where a site's gateway forwards raw ECHONET Lite smart-meter frames (schema aems.echonet.v1). */
    public static String echonet(SiteId site) {
        return ROOT + site.value() + "/echonet";
    }

    public static String status(SiteId site) {
        return ROOT + site.value() + "/status";
    }

    public static String commands(SiteId site) {
        return ROOT + site.value() + "/commands";
    }

    public static String commandAcks(SiteId site) {
        return ROOT + site.value() + "/command-acks";
    }

    /** A shared-subscription filter, so N subscribers in {@code group} split the stream between them. */
    public static String shared(String group, String filter) {
        return "$share/" + group + "/" + filter;
    }

    /**
     * The site segment of a v1 site topic, if the topic is one and the segment is a valid site id.
     */
    public static Optional<SiteId> siteOf(String topic) {
        if (topic == null || !topic.startsWith(ROOT)) {
            return Optional.empty();
        }
        int end = topic.indexOf('/', ROOT.length());
        if (end < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(SiteId.of(topic.substring(ROOT.length(), end)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
