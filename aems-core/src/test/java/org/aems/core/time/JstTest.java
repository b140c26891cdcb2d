package org.aems.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JstTest {

    @Test
    void todayIsTheJstDateNotTheUtcDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-05-11T15:00:00Z"), ZoneOffset.UTC);
        assertThat(Jst.today(clock)).isEqualTo(LocalDate.of(2026, 5, 12));
    }

    @Test
    void toJstIsNineHoursAheadOfUtc() {
        assertThat(Jst.toJst(Instant.parse("2026-05-11T15:00:00Z")).toLocalDateTime())
                .isEqualTo(LocalDate.of(2026, 5, 12).atStartOfDay());
        assertThat(Jst.toJst(Instant.EPOCH).getOffset()).isEqualTo(ZoneOffset.ofHours(9));
    }

    @Test
    void asiaTokyoIsNamedOnlyInJst() throws IOException {
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            List<Path> naming = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("Asia/Tokyo"))
                    .map(main::relativize)
                    .toList();
            assertThat(naming).containsExactly(Path.of("org/aems/core/time/Jst.java"));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p, e);
        }
    }
}
