package org.aems.api.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aems.core.time.Jst;
import org.aems.core.unit.Energy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region's energy as open data (オープンデータ), without signing in: per slot the region and each feeder large
 * enough to hide its sites in, the small ones pooled ({@link GroupSizeRule}). Never a site.
 */
@RestController
@Tag(name = "open data", description = "Regional aggregates for everyone, with a minimum group size")
class OpenDataController {

    /** A group's figures in one slot: energies in kWh as decimal strings, null = not measured by every member. */
    record Figures(int sites, String importKwh, String exportKwh, String pvKwh) {
    }

    /** One slot; {@code region} and {@code groups} absent when fewer than the minimum sites reported in it. */
    record SlotView(int slot, String start, Figures region, Map<String, Figures> groups) {
    }

    record DayView(String date, int minimumGroupSize, List<SlotView> slots) {
    }

    static final String POOL = "other";

    private final OpenDataQuery query;
    private final OpenDataSettings settings;

    OpenDataController(OpenDataQuery query, OpenDataSettings settings) {
        this.query = query;
        this.settings = settings;
    }

    @GetMapping("/api/v1/public/region-intervals")
    @Operation(summary = "One JST day of the region's import, export and PV per slot, per feeder where enough sites stand behind it",
            description = "No sign-in. In each slot a feeder is shown on its own only if at least aems.open-data.min-group-size of"
                    + " its sites reported; smaller feeders are pooled as 'other', which also reaches that size (the smallest shown"
                    + " feeders join it if needed), so no difference of published figures isolates fewer sites. A slot where the"
                    + " whole region had fewer shows nothing.")
    DayView day(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        int minimum = settings.minGroupSize();
        Map<Integer, List<OpenDataQuery.FeederSlot>> bySlot = new TreeMap<>();
        query.day(date).forEach(r -> bySlot.computeIfAbsent(r.slotIndex(), k -> new ArrayList<>()).add(r));
        List<SlotView> slots = new ArrayList<>();
        for (List<OpenDataQuery.FeederSlot> slot : bySlot.values()) {
            OpenDataQuery.FeederSlot first = slot.get(0);
            String start = first.slotStart().atZone(Jst.ZONE).toOffsetDateTime().toString();
            Map<String, Integer> sizes = new LinkedHashMap<>();
            slot.forEach(r -> sizes.put(r.feeder(), r.sitesReporting()));
            GroupSizeRule.Grouping grouping = GroupSizeRule.apply(sizes, minimum);
            if (!grouping.regionShown()) {
                slots.add(new SlotView(first.slotIndex(), start, null, null));
                continue;
            }
            Map<String, Figures> groups = new LinkedHashMap<>();
            grouping.shown().forEach(f -> groups.put(f, figures(slot.stream().filter(r -> r.feeder().equals(f)).toList())));
            if (!grouping.pooled().isEmpty()) {
                groups.put(POOL, figures(slot.stream().filter(r -> grouping.pooled().contains(r.feeder())).toList()));
            }
            slots.add(new SlotView(first.slotIndex(), start, figures(slot), groups));
        }
        return new DayView(date.toString(), minimum, slots);
    }

    /**
     * A group's sums, each null unless every member feeder measured it in this slot: a sum over fewer members than
     * the group has would be a smaller group than the one the rule admitted.
     */
    private static Figures figures(List<OpenDataQuery.FeederSlot> rows) {
        return new Figures(rows.stream().mapToInt(OpenDataQuery.FeederSlot::sitesReporting).sum(),
                kwh(rows.stream().map(OpenDataQuery.FeederSlot::importWh).toList()),
                kwh(rows.stream().map(OpenDataQuery.FeederSlot::exportWh).toList()),
                kwh(rows.stream().map(OpenDataQuery.FeederSlot::pvWh).toList()));
    }

    private static String kwh(List<Long> wh) {
        if (wh.contains(null)) {
            return null;
        }
        return Energy.ofWattHours(wh.stream().mapToLong(Long::longValue).sum()).toKilowattHours().toPlainString();
    }
}
