package org.aems.core.brokerauth;

import java.util.List;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Topics;

/**
 * The one ACL model (ADR 0017): what each identity may publish and subscribe to. Everything not listed is denied.
 * Mosquitto's files and dynamic-security plugin and the embedded broker are all rendered from {@link #rulesFor}, and
 * {@link #mayPublish}/{@link #maySubscribe} are the reference semantics their tests compare against.
 */
public final class BrokerAcl {

    /** The topics a gateway publishes on, as suffixes of {@code aems/v1/sites/{siteId}/} (docs/protocol.md). */
    public static final List<String> UPSTREAM = List.of("telemetry", "echonet", "status", "command-acks");
    /** Ingest reads the broker's queue depth (BrokerQueueDepth) to warn before Mosquitto's queue limit. */
    public static final String QUEUE_DEPTH_TOPIC = "$SYS/broker/store/messages/count";

    private BrokerAcl() {
    }

    public static List<TopicRule> rulesFor(BrokerIdentity identity) {
        if (identity instanceof BrokerIdentity.Gateway gateway) {
            return gateway(gateway.site());
        }
        return service(((BrokerIdentity.Service) identity).role());
    }

    private static List<TopicRule> gateway(SiteId site) {
        String own = Topics.ROOT + site.value() + "/";
        return List.of(TopicRule.publish(own + "telemetry"), TopicRule.publish(own + "echonet"),
                TopicRule.publish(own + "status"), TopicRule.publish(own + "command-acks"),
                TopicRule.subscribe(Topics.commands(site)));
    }

    private static List<TopicRule> service(ServiceRole role) {
        String any = Topics.ROOT + "+/";
        switch (role) {
            case INGEST:
                // Status is retained: ingest may read it, though today it only consumes telemetry and echonet.
                return List.of(TopicRule.subscribe(Topics.ALL_TELEMETRY), TopicRule.subscribe(Topics.ALL_ECHONET),
                        TopicRule.subscribe(Topics.ALL_STATUS), TopicRule.subscribe(QUEUE_DEPTH_TOPIC));
            case DISPATCHER:
                return List.of(TopicRule.publish(any + "commands"), TopicRule.subscribe(Topics.ALL_COMMAND_ACKS));
            case SIMULATOR:
                // It pools many sites on few connections (Simulation), so no per-site username can be used there.
                return List.of(TopicRule.publish(any + "telemetry"), TopicRule.publish(any + "echonet"),
                        TopicRule.publish(any + "status"), TopicRule.publish(any + "command-acks"),
                        TopicRule.subscribe(any + "commands"));
            default:
                throw new IllegalArgumentException("no rules for service " + role);
        }
    }

    /** Whether {@code identity} may publish on {@code topic} (a topic name, without wildcards). */
    public static boolean mayPublish(BrokerIdentity identity, String topic) {
        if (topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
            return false;
        }
        return rulesFor(identity).stream().anyMatch(r -> r.access() == Access.PUBLISH && TopicFilters.covers(r.filter(), topic));
    }

    /**
     * Whether {@code identity} may subscribe with {@code filter}: some rule must cover every topic the filter can match.
     * A shared subscription ({@code $share/group/filter}) is judged by its filter.
     */
    public static boolean maySubscribe(BrokerIdentity identity, String filter) {
        String plain = TopicFilters.withoutShare(filter);
        if (plain.isEmpty()) {
            return false;
        }
        return rulesFor(identity).stream().anyMatch(r -> r.access() == Access.SUBSCRIBE && TopicFilters.covers(r.filter(), plain));
    }
}
