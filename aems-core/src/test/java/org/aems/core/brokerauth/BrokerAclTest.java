package org.aems.core.brokerauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.aems.core.grid.SiteId;
import org.junit.jupiter.api.Test;

class BrokerAclTest {

    static final BrokerIdentity A = new BrokerIdentity.Gateway(SiteId.of("odw-000123"));
    static final BrokerIdentity INGEST = new BrokerIdentity.Service(ServiceRole.INGEST);
    static final BrokerIdentity DISPATCHER = new BrokerIdentity.Service(ServiceRole.DISPATCHER);
    static final BrokerIdentity SIMULATOR = new BrokerIdentity.Service(ServiceRole.SIMULATOR);

    @Test
    void aGatewayPublishesOnlyOnItsOwnSitesUpstreamTopics() {
        assertThat(BrokerAcl.mayPublish(A, "aems/v1/sites/odw-000123/telemetry")).isTrue();
        assertThat(BrokerAcl.mayPublish(A, "aems/v1/sites/odw-000123/echonet")).isTrue();
        assertThat(BrokerAcl.mayPublish(A, "aems/v1/sites/odw-000123/status")).isTrue();
        assertThat(BrokerAcl.mayPublish(A, "aems/v1/sites/odw-000123/command-acks")).isTrue();
        // #7: another site's topic, its own commands (only AEMS sends those), anything else.
        assertThat(BrokerAcl.mayPublish(A, "aems/v1/sites/odw-000124/telemetry")).isFalse();
        assertThat(BrokerAcl.mayPublish(A, "aems/v1/sites/odw-000123/commands")).isFalse();
        assertThat(BrokerAcl.mayPublish(A, "aems/v1/sites/odw-000123/telemetry/x")).isFalse();
        assertThat(BrokerAcl.mayPublish(A, "aems/v1/sites/odw-0001234/telemetry")).isFalse();
        assertThat(BrokerAcl.mayPublish(A, "$CONTROL/dynamic-security/v1")).isFalse();
    }

    @Test
    void aGatewaySubscribesOnlyToItsOwnCommands() {
        assertThat(BrokerAcl.maySubscribe(A, "aems/v1/sites/odw-000123/commands")).isTrue();
        assertThat(BrokerAcl.maySubscribe(A, "aems/v1/sites/odw-000124/commands")).isFalse();
        assertThat(BrokerAcl.maySubscribe(A, "aems/v1/sites/+/commands")).isFalse();
        assertThat(BrokerAcl.maySubscribe(A, "aems/v1/sites/odw-000123/#")).isFalse();
        assertThat(BrokerAcl.maySubscribe(A, "#")).isFalse();
        assertThat(BrokerAcl.maySubscribe(A, "aems/v1/sites/odw-000123/telemetry")).isFalse();
    }

    @Test
    void ingestSubscribesToEverySitesUpstreamAlsoSharedButPublishesNothing() {
        assertThat(BrokerAcl.maySubscribe(INGEST, "$share/aems-ingest/aems/v1/sites/+/telemetry")).isTrue();
        assertThat(BrokerAcl.maySubscribe(INGEST, "aems/v1/sites/+/echonet")).isTrue();
        assertThat(BrokerAcl.maySubscribe(INGEST, "aems/v1/sites/odw-000123/status")).isTrue();
        assertThat(BrokerAcl.maySubscribe(INGEST, "$SYS/broker/store/messages/count")).isTrue();
        assertThat(BrokerAcl.maySubscribe(INGEST, "aems/v1/sites/+/commands")).isFalse();
        assertThat(BrokerAcl.maySubscribe(INGEST, "aems/v1/sites/#")).isFalse();
        assertThat(BrokerAcl.maySubscribe(INGEST, "$share/g")).isFalse();
        assertThat(BrokerAcl.mayPublish(INGEST, "aems/v1/sites/odw-000123/telemetry")).isFalse();
    }

    @Test
    void theDispatcherPublishesCommandsAndReadsAcks() {
        assertThat(BrokerAcl.mayPublish(DISPATCHER, "aems/v1/sites/odw-000123/commands")).isTrue();
        assertThat(BrokerAcl.mayPublish(DISPATCHER, "aems/v1/sites/odw-000123/telemetry")).isFalse();
        assertThat(BrokerAcl.maySubscribe(DISPATCHER, "$share/aems-dispatch/aems/v1/sites/+/command-acks")).isTrue();
        assertThat(BrokerAcl.maySubscribe(DISPATCHER, "aems/v1/sites/+/telemetry")).isFalse();
    }

    @Test
    void theSimulatorActsAsEveryGateway() {
        assertThat(BrokerAcl.mayPublish(SIMULATOR, "aems/v1/sites/odw-000124/telemetry")).isTrue();
        assertThat(BrokerAcl.maySubscribe(SIMULATOR, "aems/v1/sites/odw-000124/commands")).isTrue();
        assertThat(BrokerAcl.mayPublish(SIMULATOR, "aems/v1/sites/odw-000124/commands")).isFalse();
        assertThat(BrokerAcl.maySubscribe(SIMULATOR, "aems/v1/sites/+/telemetry")).isFalse();
    }

    @Test
    void aSiteIdCannotTakeAServiceUsername() {
        assertThatThrownBy(() -> new BrokerIdentity.Gateway(SiteId.of("aems-ingest")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThat(BrokerIdentity.ofUsername("aems-dispatcher")).isEqualTo(DISPATCHER);
        assertThat(BrokerIdentity.ofUsername("odw-000123")).isEqualTo(A);
    }

    @Test
    void filterCoverageFollowsMqttWildcards() {
        assertThat(TopicFilters.covers("a/+/c", "a/b/c")).isTrue();
        assertThat(TopicFilters.covers("a/+/c", "a/+/c")).isTrue();
        assertThat(TopicFilters.covers("a/+/c", "a/#")).isFalse();
        assertThat(TopicFilters.covers("a/b/c", "a/+/c")).isFalse();
        assertThat(TopicFilters.covers("a/#", "a/b/c")).isTrue();
        assertThat(TopicFilters.covers("a/#", "a")).isTrue();
        assertThat(TopicFilters.covers("#", "$SYS/x")).isFalse();
        assertThat(TopicFilters.covers("a/b", "a/b/c")).isFalse();
        assertThat(TopicFilters.covers("a/b/c", "a/b")).isFalse();
    }
}
