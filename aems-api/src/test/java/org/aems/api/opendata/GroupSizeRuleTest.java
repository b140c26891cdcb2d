package org.aems.api.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupSizeRuleTest {

    @Test
    void feedersAtTheMinimumAreShownAndNothingIsPooled() {
        GroupSizeRule.Grouping g = GroupSizeRule.apply(Map.of("f1", 12, "f2", 10), 10);
        assertThat(g.shown()).containsExactly("f1", "f2");
        assertThat(g.pooled()).isEmpty();
        assertThat(g.regionShown()).isTrue();
    }

    @Test
    void aSmallFeederAloneInThePoolTakesTheSmallestShownOneWithIt() {
        // Region − (f1 + f2) would be Kuno's 3 facilities: f2 (the smallest shown) joins the pool, 3 + 11 ≥ 10.
        GroupSizeRule.Grouping g = GroupSizeRule.apply(sites("f1", 40, "f2", 11, "kuno", 3), 10);
        assertThat(g.shown()).containsExactly("f1");
        assertThat(g.pooled()).containsExactly("f2", "kuno");
    }

    @Test
    void smallFeedersThatReachTheMinimumTogetherArePooledWithoutTakingOthers() {
        GroupSizeRule.Grouping g = GroupSizeRule.apply(sites("f1", 40, "a", 4, "b", 3, "c", 5), 10);
        assertThat(g.shown()).containsExactly("f1");
        assertThat(g.pooled()).containsExactly("a", "b", "c");
    }

    @Test
    void aRegionBelowTheMinimumShowsNothing() {
        GroupSizeRule.Grouping g = GroupSizeRule.apply(sites("a", 4, "b", 5), 10);
        assertThat(g.regionShown()).isFalse();
        assertThat(g.shown()).isEmpty();
    }

    @Test
    void noPublishedFigureCombinationIsolatesFewerThanTheMinimum() {
        // Every difference an outsider can form: region − shown feeders = pool; each shown feeder itself.
        Map<String, Integer> sites = sites("f1", 30, "f2", 12, "f3", 10, "k1", 3, "k2", 2);
        GroupSizeRule.Grouping g = GroupSizeRule.apply(sites, 10);
        g.shown().forEach(f -> assertThat(sites.get(f)).isGreaterThanOrEqualTo(10));
        assertThat(g.pooled().stream().mapToInt(sites::get).sum()).isGreaterThanOrEqualTo(10);
        assertThat(g.shown()).hasSize(2);
        assertThat(List.of(g.shown(), g.pooled())).allSatisfy(l -> assertThat(l).isSorted());
    }

    private static Map<String, Integer> sites(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }
}
