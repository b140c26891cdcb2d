package org.aems.core.grid;

import static org.aems.core.grid.SiteTest.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.aems.core.unit.Power;
import org.junit.jupiter.api.Test;

class RegionTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final EffectiveHistory<FlowLimits> LIMITS =
            EffectiveHistory.of(new FlowLimits(Power.ofKilowatts(2000), Power.ofKilowatts(6000)), FROM);

    private static Feeder feeder(String id, Site... sites) {
        return new Feeder(FeederId.of(id), "Feeder " + id, Validity.from(FROM), LIMITS, List.of(sites));
    }

    private static Bank bank(String id, Feeder... feeders) {
        return new Bank(BankId.of(id), "Bank " + id, LIMITS, List.of(feeders));
    }

    private static Substation substation(String id, Bank... banks) {
        return new Substation(SubstationId.of(id), "Substation " + id, List.of(banks));
    }

    private static Region region(Substation... substations) {
        return new Region(RegionId.of("odawara"), "Odawara", List.of(substations));
    }

    private final Region odawara = region(
            substation("east", bank("east-1", feeder("f1", site("s1"), site("s2")), feeder("f2", site("s3")))),
            substation("kuno", bank("kuno-1", feeder("f3", site("s4")))));

    @Test
    void flattensSitesFeedersAndBanks() {
        assertThat(odawara.sites()).extracting(Site::id).extracting(SiteId::value).containsExactly("s1", "s2", "s3", "s4");
        assertThat(odawara.feeders()).extracting(Feeder::id).extracting(FeederId::value).containsExactly("f1", "f2", "f3");
        assertThat(odawara.banks()).extracting(Bank::id).extracting(BankId::value).containsExactly("east-1", "kuno-1");
    }

    @Test
    void findsTheFeederOfASiteAndTheBankOfAFeeder() {
        assertThat(odawara.site(SiteId.of("s3"))).map(Site::name).contains("Site s3");
        assertThat(odawara.site(SiteId.of("s9"))).isEmpty();
        assertThat(odawara.feederOf(SiteId.of("s3"))).map(Feeder::id).contains(FeederId.of("f2"));
        assertThat(odawara.feederOf(SiteId.of("s9"))).isEmpty();
        assertThat(odawara.bankOf(FeederId.of("f3"))).map(Bank::id).contains(BankId.of("kuno-1"));
        assertThat(odawara.feeder(FeederId.of("f1"))).map(Feeder::sites).get().asList().hasSize(2);
    }

    @Test
    void rejectsASiteIdUsedTwiceEvenUnderDifferentSubstations() {
        assertThatThrownBy(() -> region(
                substation("east", bank("east-1", feeder("f1", site("s1")))),
                substation("kuno", bank("kuno-1", feeder("f3", site("s1"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("site id s1 appears twice in the region");
    }

    @Test
    void rejectsDuplicateFeederBankAndSubstationIds() {
        assertThatThrownBy(() -> region(substation("east", bank("b1", feeder("f1"), feeder("f1")))))
                .hasMessage("feeder id f1 appears twice in the region");
        assertThatThrownBy(() -> region(substation("east", bank("b1")), substation("kuno", bank("b1"))))
                .hasMessage("bank id b1 appears twice in the region");
        assertThatThrownBy(() -> region(substation("east"), substation("east")))
                .hasMessage("substation id east appears twice in the region");
    }
}
