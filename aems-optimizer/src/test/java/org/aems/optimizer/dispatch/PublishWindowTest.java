package org.aems.optimizer.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PublishWindowTest {

    @Test
    void theWindowIsFourFifthsOfTheBrokersReceiveMaximumCappedByTheSetting() {
        assertThat(PublishWindow.sizeFor(20, 1_000)).isEqualTo(16); // Mosquitto's default
        assertThat(PublishWindow.sizeFor(10, 1_000)).isEqualTo(8); // HiveMQ CE
        assertThat(PublishWindow.sizeFor(65_535, 1_000)).isEqualTo(1_000); // no Receive Maximum in the CONNACK
        assertThat(PublishWindow.sizeFor(20, 1)).isEqualTo(1); // one at a time
        assertThat(PublishWindow.sizeFor(1, 1_000)).isEqualTo(1);
    }

    @Test
    void aFullWindowHoldsTheNextPublishUntilAPubackFreesAPlace() throws Exception {
        PublishWindow window = new PublishWindow(2);
        assertThat(window.acquire(Duration.ZERO)).isTrue();
        assertThat(window.acquire(Duration.ZERO)).isTrue();
        assertThat(window.acquire(Duration.ofMillis(20))).isFalse();

        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> {
            try {
                return window.acquire(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        window.release();
        assertThat(third.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(window.inFlight()).isEqualTo(2);
        assertThat(window.awaitEmpty(Duration.ofMillis(20))).isFalse();
        window.release();
        window.release();
        assertThat(window.awaitEmpty(Duration.ZERO)).isTrue();
    }

    @Test
    void aSmallerReceiveMaximumAfterAReconnectHoldsPublishesBackUntilEnoughAreAnswered() throws Exception {
        PublishWindow window = new PublishWindow(3);
        for (int i = 0; i < 3; i++) {
            assertThat(window.acquire(Duration.ZERO)).isTrue();
        }
        window.resize(1);
        window.release();
        assertThat(window.acquire(Duration.ZERO)).isFalse();
        window.release();
        window.release();
        assertThat(window.acquire(Duration.ZERO)).isTrue();
    }

    @Test
    void aNewConnectionForgetsThePublishesOfTheOldOne() throws Exception {
        PublishWindow window = new PublishWindow(2);
        window.acquire(Duration.ZERO);
        window.acquire(Duration.ZERO);
        window.reset(2);
        assertThat(window.inFlight()).isZero();
        window.release(); // a late answer from the old connection
        assertThat(window.inFlight()).isZero();
        assertThat(window.acquire(Duration.ZERO)).isTrue();
    }

    @Test
    void maxInFlightBindsFromTheSettingsAndDefaultsToAThousand() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "aems.optimizer.dispatch.url", "tcp://127.0.0.1:1883", "aems.optimizer.dispatch.max-in-flight", "1")));
        assertThat(binder.bindOrCreate("aems.optimizer.dispatch", DispatchSettings.class).maxInFlight()).isEqualTo(1);
        Binder defaults = new Binder(new MapConfigurationPropertySource(Map.of("aems.optimizer.dispatch.url", "tcp://127.0.0.1:1883")));
        assertThat(defaults.bindOrCreate("aems.optimizer.dispatch", DispatchSettings.class).maxInFlight()).isEqualTo(1_000);
    }
}
