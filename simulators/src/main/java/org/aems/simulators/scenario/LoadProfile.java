package org.aems.simulators.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * Named typical load shapes a scenario can give a site ({@code loadProfile: household-2p}); the shape
 * itself (weekday/weekend, season) belongs to the load physics, the size to {@code annualKwh}.
 */
public enum LoadProfile {
    HOUSEHOLD_1P("household-1p"),
    HOUSEHOLD_2P("household-2p"),
    HOUSEHOLD_3P("household-3p"),
    HOUSEHOLD_4P("household-4p"),
    SCHOOL("school"),
    PUBLIC_FACILITY("public-facility"),
    OFFICE("office"),
    SHOP("shop"),
    CAR_SHARING_STATION("car-sharing-station");

    private final String fileName;

    LoadProfile(String fileName) {
        this.fileName = fileName;
    }

    /** The name as written in scenario files. */
    public String fileName() {
        return fileName;
    }

    /** @throws IllegalArgumentException naming every known profile */
    public static LoadProfile of(String name) {
        return Arrays.stream(values()).filter(p -> p.fileName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown load profile '" + name + "', known: " + names()));
    }

    static List<String> names() {
        return Arrays.stream(values()).map(LoadProfile::fileName).toList();
    }
}
