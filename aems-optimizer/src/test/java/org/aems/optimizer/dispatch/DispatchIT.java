package org.aems.optimizer.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Command;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.Simulation;
import org.aems.simulators.SimulationSettings;
import org.aems.simulators.fault.FaultRates;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.weather.Sky;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Commands from the outbox to real simulated gateways over the real broker, and their answers back into
 * PostgreSQL. #5 "Dispatch"
 */
class DispatchIT {

    private static final SiteId HOME = SiteId.of("demo-001");
    private static final DeviceId BATTERY = DeviceId.of("bat-1");
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);
    private static DataSource dataSource;
    private static CommandStore store;
    private static Simulation simulation;
    private static Dispatcher dispatcher;
    private static final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        dataSource = migratedDatabase();
        store = new CommandStore(dataSource);
        String url = TestInfrastructure.mqttUrl();
        // Real time, so the gateways judge validFrom/validUntil on the same clock as the dispatcher.
        simulation = new Simulation(BundledRegions.scenario("demo"), new SimulationSettings(url, 5, Duration.ofSeconds(1), 1,
                Instant.now(), 42, 0, FaultRates.NONE, Optional.empty(), Optional.of(Sky.CLEAR), Optional.empty(), PhysicsOptions.DEFAULT, Optional.empty()),
                Clock.systemUTC());
        simulation.start();
        dispatcher = new Dispatcher(store, settings(url, "dispatch-it"), metrics, Clock.systemUTC());
        dispatcher.start();
        await().atMost(Duration.ofSeconds(15)).until(dispatcher::connected);
    }

    @AfterAll
    static void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (simulation != null) {
            simulation.close();
        }
    }

    @Test
    void anAcceptedSetpointIsRecordedWithWhenItWasSentAndAnswered() {
        Command command = setPower("it-accepted-1", HOME, -2_000, Duration.ofMinutes(30));

        assertThat(dispatcher.dispatch(List.of(command), "optimizer", Optional.of("bank-1"))).isEqualTo(1);

        DispatchedCommand done = awaitStatus(command.commandId(), CommandStatus.ACCEPTED);
        assertThat(done.sentAt()).isPresent();
        assertThat(done.ackedAt()).isPresent();
        assertThat(done.ackedAt().get()).isAfterOrEqualTo(done.sentAt().get());
        assertThat(done.bank()).contains("bank-1");
        assertThat(done.command()).isEqualTo(command);
        assertThat(metrics.counter("aems.dispatch.commands", "status", "ACCEPTED").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRefusalIsKeptWithTheGatewaysReasonAndTheSiteCountsAsNotFollowing() {
        Instant before = Instant.now().minusSeconds(1);
        Command command = setPower("it-refused-1", HOME, 5_000, Duration.ofMinutes(30));

        dispatcher.dispatch(List.of(command), "operator-a", Optional.empty());

        DispatchedCommand done = awaitStatus(command.commandId(), CommandStatus.REJECTED);
        assertThat(done.reason()).contains("setpoint 5000 W above the battery's 3000 W charge rating");
        assertThat(done.issuedBy()).isEqualTo("operator-a");
        assertThat(store.sitesNotFollowingSince(before)).contains(HOME);
    }

    @Test
    void aSiteThatNeverAnswersIsMarkedNoAckAfterTheTimeout() {
        SiteId silent = SiteId.of("demo-silent");
        Command command = setPower("it-silent-1", silent, 1_000, Duration.ofMinutes(30));

        dispatcher.dispatch(List.of(command), "optimizer", Optional.of("bank-1"));

        DispatchedCommand done = awaitStatus(command.commandId(), CommandStatus.NO_ACK);
        assertThat(done.reason()).contains("no acknowledgement within 3 s");
        assertThat(store.sitesNotFollowingSince(command.issuedAt().minusSeconds(1))).contains(silent);
    }

    @Test
    void theSameCommandDispatchedTwiceIsStoredAndSentOnce() {
        Command command = setPower("it-twice-1", HOME, 500, Duration.ofMinutes(30));

        assertThat(dispatcher.dispatch(List.of(command), "optimizer", Optional.empty())).isEqualTo(1);
        assertThat(dispatcher.dispatch(List.of(command), "optimizer", Optional.empty())).isZero();

        awaitStatus(command.commandId(), CommandStatus.ACCEPTED);
        assertThat(store.count(Optional.of(HOME), Optional.empty())).isGreaterThanOrEqualTo(1);
        assertThat(store.page(Optional.of(HOME), Optional.empty(), 0, 100)).filteredOn(c -> c.command().commandId().equals("it-twice-1"))
                .hasSize(1);
    }

    @Test
    void aCommandWhoseValidityHasPassedIsRefusedBeforeAnythingIsStored() {
        Instant past = Instant.now().minusSeconds(60);
        Command stale = new Command("it-stale-1", HOME, BATTERY, Command.Action.SET_POWER, BigDecimal.valueOf(1_000),
                past.minusSeconds(1_800), past, past.minusSeconds(1_800));

        assertThatThrownBy(() -> dispatcher.dispatch(List.of(stale), "optimizer", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command it-stale-1 is valid only until " + past + ", which has passed; plan it again for a future slot");
        assertThat(store.find("it-stale-1")).isEmpty();
    }

    @Test
    void commandsWaitInTheOutboxWhileTheBrokerIsDownAndAreSentWhenItReturnsOrExpireUnsent() throws Exception {
        // Its own outbox: the suite's dispatcher, connected all along, would otherwise send these (as a second
        // instance sharing the table should).
        CommandStore outbox = new CommandStore(migratedDatabase());
        try (MosquittoProcess broker = MosquittoProcess.start();
             Dispatcher own = new Dispatcher(outbox, settings(broker.url(), "dispatch-it-outage"), new SimpleMeterRegistry(),
                     Clock.systemUTC())) {
            own.start();
            await().atMost(Duration.ofSeconds(15)).until(own::connected);
            broker.kill();
            await().atMost(Duration.ofSeconds(5)).until(() -> !own.connected());
            Command later = setPower("it-outbox-later", HOME, 1_000, Duration.ofMinutes(30));
            Command soon = setPower("it-outbox-soon", HOME, 1_000, Duration.ofSeconds(2));

            own.dispatch(List.of(later, soon), "optimizer", Optional.empty());
            Thread.sleep(1_000);
            assertThat(outbox.find("it-outbox-later").orElseThrow().status()).isEqualTo(CommandStatus.PENDING);

            DispatchedCommand expired = awaitStatus(outbox, "it-outbox-soon", CommandStatus.EXPIRED);
            assertThat(expired.sentAt()).isEmpty();
            assertThat(expired.reason()).contains("validity ended before the broker could take it (broker unreachable?)");
            broker.startAgain();
            // Nobody serves demo-001 on this broker: sent, then unanswered.
            DispatchedCommand sent = awaitStatus(outbox, "it-outbox-later", CommandStatus.NO_ACK);
            assertThat(sent.sentAt()).isPresent();
        }
    }

    private static Command setPower(String id, SiteId site, long watts, Duration valid) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        return new Command(id, site, BATTERY, Command.Action.SET_POWER, BigDecimal.valueOf(watts), now, now.plus(valid), now);
    }

    private static DispatchedCommand awaitStatus(String commandId, CommandStatus status) {
        return awaitStatus(store, commandId, status);
    }

    private static DispatchedCommand awaitStatus(CommandStore store, String commandId, CommandStatus status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.find(commandId).orElse(null), c -> c != null && c.status() == status);
    }

    private static DispatchSettings settings(String url, String clientId) {
        return new DispatchSettings(url, clientId + "-" + System.nanoTime(), null, null, "", ACK_TIMEOUT, Duration.ofMillis(300), null);
    }

    static DataSource migratedDatabase() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestInfrastructure.freshDatabase());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new TimescaleDbMigration()).load()
                .migrate();
        return ds;
    }
}
