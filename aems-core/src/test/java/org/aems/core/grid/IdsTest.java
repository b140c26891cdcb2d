package org.aems.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdsTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("site", (Function<String, Object>) SiteId::of),
                Arguments.of("device", (Function<String, Object>) DeviceId::of),
                Arguments.of("feeder", (Function<String, Object>) FeederId::of),
                Arguments.of("bank", (Function<String, Object>) BankId::of),
                Arguments.of("substation", (Function<String, Object>) SubstationId::of),
                Arguments.of("region", (Function<String, Object>) RegionId::of));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyIdKindNamesItselfAndThePatternWhenRejecting(String kind, Function<String, Object> of) {
        assertThatThrownBy(() -> of.apply("a/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(kind + " id must match [A-Za-z0-9][A-Za-z0-9_-]{0,63}, was 'a/b'");
        assertThat(of.apply("kuno-01_A")).hasToString("kuno-01_A");
    }

    @Test
    void siteIdMessageStatesThePattern() {
        assertThatThrownBy(() -> SiteId.of("a/b"))
                .hasMessage("site id must match [A-Za-z0-9][A-Za-z0-9_-]{0,63}, was 'a/b'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a+b", "a#", "a b", "-lead", "_lead", "ä", "a.b"})
    void rejectsWhatCannotBeAnMqttTopicSegmentOrBrokerUsername(String value) {
        assertThatThrownBy(() -> SiteId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsUpToSixtyFourCharacters() {
        assertThat(DeviceId.of("a".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> DeviceId.of("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> SiteId.of(null)).isInstanceOf(NullPointerException.class).hasMessage("site id");
    }

    @Test
    void idsOfTheSameValueAreEqualAndOrderByValue() {
        assertThat(SiteId.of("s1")).isEqualTo(new SiteId("s1")).isLessThan(SiteId.of("s2"));
    }
}
