package org.aems.ingest.pipeline;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/** The circuit breaker around telemetry commits. */
final class StoreCircuitBreaker {

    private StoreCircuitBreaker() {
    }

    /**
     * Opens after 3 failures in the last 5 commits; probes with one commit after 1 s, then 2 s, 4 s ...
     * up to {@code maxWait}; closes again on the first successful probe.
     */
    static CircuitBreaker create(Duration maxWait) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(5)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(1), 2.0,
                        maxWait.compareTo(Duration.ofSeconds(1)) > 0 ? maxWait : Duration.ofSeconds(1)))
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        return CircuitBreaker.of("telemetry-store", config);
    }
}
