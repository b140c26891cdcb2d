package org.aems.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two AEMS instances on one database (two lock holders on separate connections): while one runs the operations watch,
 * the other's round is skipped, not queued; once it is done, the next round runs. A different round is not held up.
 */
class OneInstanceAtATimeIT {

    @Test
    void aRoundRunningOnOneInstanceIsSkippedOnTheOtherUntilItEnds() throws Exception {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(TestInfrastructure.freshDatabase());
        OneInstanceAtATime first = new OneInstanceAtATime(database, "operations-watch");
        OneInstanceAtATime second = new OneInstanceAtATime(database, "operations-watch");
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> first.run(() -> {
            rounds.incrementAndGet();
            running.countDown();
            await(finish);
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(second.run(rounds::incrementAndGet)).as("skipped while the other instance runs it").isFalse();
        assertThat(new OneInstanceAtATime(database, "alert-forwarding").run(rounds::incrementAndGet)).as("another round").isTrue();

        finish.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.run(rounds::incrementAndGet)).as("free again").isTrue();
        assertThat(rounds).hasValue(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
