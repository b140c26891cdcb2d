package org.aems.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.aems.api.dashboard.FeederDay.FeederSlot;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The operator dashboard's read model (issue #8): the region and its feeders for one JST day, from the 30-minute
 * rollups, and a stream that says when new slots were rolled up so the page fetches again without a reload.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "dashboard", description = "The operator dashboard: region and feeders now and per slot, live updates")
class DashboardController {

    private final FeederDayQuery feeders;
    private final PvCapacityQuery capacity;
    private final RegionLiveQuery live;
    private final LivePulse pulse;
    private final DashboardSettings settings;
    private final Clock clock;

    DashboardController(FeederDayQuery feeders, PvCapacityQuery capacity, RegionLiveQuery live, LivePulse pulse,
                        DashboardSettings settings, Clock clock) {
        this.feeders = feeders;
        this.live = live;
        this.capacity = capacity;
        this.pulse = pulse;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/region")
    @Operation(summary = "The region and every feeder on a JST day: live (today), the newest measured slot, and per slot",
            description = "'live' (today only) sums each site's newest readings, over the sites that reported within 10 minutes."
                    + " Other powers are kW averaged over their 30-minute slot, from feeder_interval. A feeder's net import is"
                    + " + when it draws and − when it sends PV back (reverse flow); breachedSlots are the slots whose reverse"
                    + " flow exceeded the feeder's limit that day. PV capacity is the registry's arrays in service.")
    RegionView region(@Parameter(description = "JST date, default today") @RequestParam(required = false) LocalDate date) {
        Instant asOf = clock.instant();
        LocalDate day = date != null ? date : Jst.toJst(asOf).toLocalDate();
        List<FeederDay> days = feeders.on(day);
        Optional<Slot> latest = DashboardViews.latestMeasured(days.stream().flatMap(f -> f.slots().stream()).toList());
        List<RegionView.Feeder> views = days.stream().map(f -> DashboardViews.feeder(f, latest)).toList();
        RegionView.Live liveView = day.equals(Jst.toJst(asOf).toLocalDate()) ? live(live.at(asOf, day)) : null;
        return new RegionView(day.toString(), DashboardViews.jst(asOf), latest.map(Slot::toString).orElse(null), liveView,
                latest.map(s -> now(days, s)).orElse(null),
                DashboardViews.kw(capacity.on(day)), settings.renewableTargetKw() == null ? null : settings.renewableTargetKw().toPlainString(), views);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: 'rollup' when new slots were rolled up, 'alerts' when alerts changed (fetch again)",
            description = "The first event arrives at once with the current state; a comment every 15 s keeps proxies from"
                    + " closing the stream. Data: {\"rolledUpUntil\": ISO instant or null, \"asOf\": JST}.")
    SseEmitter stream() {
        return pulse.subscribe();
    }

    private static RegionView.Now now(List<FeederDay> days, Slot slot) {
        List<FeederSlot> at = days.stream().flatMap(f -> f.slots().stream()).filter(s -> s.slot().equals(slot)).toList();
        Energy grid = sum(at, FeederSlot::netImport);
        Energy pv = sum(at, FeederSlot::pv);
        Energy demand = grid == null || pv == null ? null : grid.plus(pv);
        return new RegionView.Now(DashboardViews.jst(slot.start()), DashboardViews.kwAvg(pv), DashboardViews.kwAvg(demand),
                DashboardViews.kwAvg(sum(at, FeederSlot::batteryNetCharge)), DashboardViews.kwAvg(sum(at, FeederSlot::evNetCharge)),
                DashboardViews.kwAvg(grid), at.stream().mapToInt(FeederSlot::sitesReporting).sum(),
                at.stream().mapToInt(FeederSlot::siteCount).sum());
    }

    private static RegionView.Live live(RegionLiveQuery.Live l) {
        Power grid = l.of("meter.power");
        Power pv = l.of("pv.power");
        return new RegionView.Live(l.oldest() == null ? null : DashboardViews.jst(l.oldest()),
                l.newest() == null ? null : DashboardViews.jst(l.newest()), kw(pv), grid == null || pv == null ? null : kw(grid.plus(pv)),
                kw(l.of("battery.power")), kw(l.of("ev.power")), kw(grid), l.sitesReporting(), l.siteCount());
    }

    private static String kw(Power power) {
        return power == null ? null : DashboardViews.kw(power);
    }

    private static Energy sum(List<FeederSlot> slots, Function<FeederSlot, Energy> quantity) {
        List<Energy> known = slots.stream().map(quantity).filter(Objects::nonNull).toList();
        return known.isEmpty() ? null : known.stream().reduce(Energy.ZERO, Energy::plus);
    }

}
