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

    /** A published group: a feeder, or "other" (the pooled feeders, not named, so their sizes are not given away). */
    record Group(String id, int feeders, int sites) {
    }

    /** Energies in kWh as decimal strings; null = not measured in this slot. */
    record Figures(String importKwh, String exportKwh, String pvKwh) {
    }

    record SlotView(int slot, String start, Figures region, Map<String, Figures> groups) {
    }

    record DayView(String date, int minimumGroupSize, boolean published, String note, List<Group> groups, List<SlotView> slots) {
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
            description = "No sign-in. A feeder is shown on its own only if at least aems.open-data.min-group-size sites reported in"
                    + " every slot of the day; smaller feeders are pooled as 'other', which also reaches that size (the smallest shown"
                    + " feeders join it if needed), so no difference of published figures isolates fewer sites.")
    DayView day(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        List<OpenDataQuery.FeederSlot> rows = query.day(date);
        int minimum = settings.minGroupSize();
        Map<String, Integer> sizes = OpenDataQuery.fewestReporting(rows);
        GroupSizeRule.Grouping grouping = GroupSizeRule.apply(sizes, minimum);
        if (!grouping.regionShown()) {
            String note = rows.isEmpty() ? "no data for this day"
                    : "fewer than " + minimum + " sites reported in some slot of this day: nothing is published";
            return new DayView(date.toString(), minimum, false, note, List.of(), List.of());
        }
        List<Group> groups = new ArrayList<>();
        grouping.shown().forEach(f -> groups.add(new Group(f, 1, sizes.get(f))));
        if (!grouping.pooled().isEmpty()) {
            groups.add(new Group(POOL, grouping.pooled().size(), grouping.pooled().stream().mapToInt(sizes::get).sum()));
        }
        Map<Integer, List<OpenDataQuery.FeederSlot>> bySlot = new TreeMap<>();
        rows.forEach(r -> bySlot.computeIfAbsent(r.slotIndex(), k -> new ArrayList<>()).add(r));
        List<SlotView> slots = new ArrayList<>();
        for (List<OpenDataQuery.FeederSlot> slot : bySlot.values()) {
            Map<String, Figures> byGroup = new LinkedHashMap<>();
            grouping.shown().forEach(f -> byGroup.put(f, figures(slot.stream().filter(r -> r.feeder().equals(f)).toList(), 1)));
            if (!grouping.pooled().isEmpty()) {
                byGroup.put(POOL, figures(slot.stream().filter(r -> grouping.pooled().contains(r.feeder())).toList(), grouping.pooled().size()));
            }
            OpenDataQuery.FeederSlot first = slot.get(0);
            slots.add(new SlotView(first.slotIndex(), first.slotStart().atZone(Jst.ZONE).toOffsetDateTime().toString(),
                    figures(slot, sizes.size()), byGroup));
        }
        return new DayView(date.toString(), minimum, true, null, groups, slots);
    }

    /**
     * A group's sums, each null unless every member feeder measured it in this slot: a sum over fewer members than
     * the group has would be a smaller group than the one the rule admitted.
     */
    private static Figures figures(List<OpenDataQuery.FeederSlot> rows, int members) {
        return new Figures(kwh(rows.stream().map(OpenDataQuery.FeederSlot::importWh).toList(), members),
                kwh(rows.stream().map(OpenDataQuery.FeederSlot::exportWh).toList(), members),
                kwh(rows.stream().map(OpenDataQuery.FeederSlot::pvWh).toList(), members));
    }

    private static String kwh(List<Long> wh, int members) {
        if (wh.size() < members || wh.contains(null)) {
            return null;
        }
        return Energy.ofWattHours(wh.stream().mapToLong(Long::longValue).sum()).toKilowattHours().toPlainString();
    }
}
