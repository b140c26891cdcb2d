package org.aems.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/**
 * What ingest and the simulator did, for a test that waited in vain for data: its meters and the state of
 * its threads, so a failure in CI says where the messages stopped (broker, writer, database) instead of
 * only that a condition timed out.
 */
final class IngestDiagnosis {

    private IngestDiagnosis() {
    }

    static String of(ApplicationContext app) {
        StringBuilder out = new StringBuilder("ingest meters:\n");
        MeterRegistry registry = app.getBean(MeterRegistry.class);
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("aems.ingest") || m.getId().getName().startsWith("aems.simulator"))
                .sorted(Comparator.comparing((Meter m) -> m.getId().getName()).thenComparing(m -> m.getId().getTags().toString()))
                .forEach(m -> out.append("  ").append(m.getId().getName()).append(' ').append(m.getId().getTags())
                        .append(' ').append(values(m)).append('\n'));
        out.append("threads:\n");
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            String name = e.getKey().getName();
            if (name.startsWith("aems-") || name.startsWith("MQTT") || name.contains("simulat")) {
                out.append("  ").append(name).append(' ').append(e.getKey().getState()).append('\n');
                for (int i = 0; i < Math.min(8, e.getValue().length); i++) {
                    out.append("      at ").append(e.getValue()[i]).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String values(Meter meter) {
        return java.util.stream.StreamSupport.stream(meter.measure().spliterator(), false)
                .map(m -> m.getStatistic().name().toLowerCase() + "=" + m.getValue()).collect(Collectors.joining(", "));
    }
}
