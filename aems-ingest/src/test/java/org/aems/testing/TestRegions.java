package org.aems.testing;

/** Region files for tests, with site ids unique per run so tests sharing a broker never mix. */
public final class TestRegions {

    private TestRegions() {
    }

    /** Region, substation, bank and feeder {prefix}-f1, up to its {@code sites:} key. */
    private static String oneFeeder(String prefix) {
        return """
                region: {id: %1$s, name: test region}
                substations:
                  - id: %1$s-ss
                    banks:
                      - id: %1$s-b1
                        limits: [{from: 2024-04-01, reverseFlowLimitKw: 400, importLimitKw: 900}]
                        feeders:
                          - id: %1$s-f1
                            from: 2024-04-01
                            limits: [{from: 2024-04-01, reverseFlowLimitKw: 150, importLimitKw: 400}]
                            sites:
                """.formatted(prefix);
    }

    /** One feeder with sites {prefix}-a (PV, battery, meter) and {prefix}-b (meter only). */
    public static String twoSites(String prefix) {
        return oneFeeder(prefix) + """
                              - id: %1$s-a
                                kind: HOUSEHOLD
                                supplyPoint: "0300000000000000000001"
                                from: 2024-04-01
                                buyback: [{from: 2024-04-01, status: SOTSU_FIT_OURS}]
                                assets:
                                  - {type: pv, id: pv-1, kwp: 5.5, curtailable: true}
                                  - {type: battery, id: bat-1, kwh: 9.8, chargeKw: 3, dischargeKw: 3}
                                  - {type: meter, id: meter-1, metrologyClass: CERTIFIED}
                              - id: %1$s-b
                                kind: HOUSEHOLD
                                supplyPoint: "0300000000000000000002"
                                from: 2024-04-01
                                assets:
                                  - {type: meter, id: meter-1, metrologyClass: CERTIFIED}
                """.formatted(prefix);
    }

    /** One feeder with a car-sharing station {prefix}-cs with a V2X charger ev-1 (6 kW) and a meter. */
    public static String carSharing(String prefix) {
        return oneFeeder(prefix) + """
                              - id: %1$s-cs
                                kind: CAR_SHARING_STATION
                                supplyPoint: "0300000000000000000009"
                                from: 2024-04-01
                                assets:
                                  - {type: ev-charger, id: ev-1, chargeKw: 6, dischargeKw: 6, v2x: true, curtailable: true}
                                  - {type: meter, id: meter-1, metrologyClass: CERTIFIED}
                """.formatted(prefix);
    }

    /** One feeder with {@code n} sites {prefix}-000 .. (meter only), like the demo region's size. */
    public static String manySites(String prefix, int n) {
        StringBuilder yaml = new StringBuilder(oneFeeder(prefix));
        for (int i = 0; i < n; i++) {
            yaml.append("                              - {id: %s-%03d, kind: HOUSEHOLD, from: 2024-04-01, supplyPoint: \"03%020d\", assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}\n"
                    .formatted(prefix, i, i));
        }
        return yaml.toString();
    }

    public static java.util.List<String> siteIds(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> String.format("%s-%03d", prefix, i)).toList();
    }
}
