package org.aems.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aems.api.config.NotFoundException;
import org.aems.api.security.Principals;
import org.aems.api.security.SiteScope;
import org.aems.core.grid.BankId;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.optimizer.plan.PlanStore;
import org.aems.optimizer.plan.StoredPlan;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Feeder page's read model: actual against the plan in force at each slot's gate closure and the bank's newest plan,
 * with the limit, storage and EVs now, commands and acks.
 */
@RestController
@Tag(name = "dashboard")
class FeederController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int COMMANDS = 50;

    private final FeederDayQuery days;
    private final FeederNowQuery now;
    private final FeederCommandsQuery commands;
    private final PlanStore plans;
    private final SiteScope scope;
    private final Clock clock;

    FeederController(FeederDayQuery days, FeederNowQuery now, FeederCommandsQuery commands, PlanStore plans, SiteScope scope, Clock clock) {
        this.days = days;
        this.now = now;
        this.commands = commands;
        this.plans = plans;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/api/v1/dashboard/feeders/{feederId}")
    @Operation(summary = "One feeder on a JST day: actual per slot against its limits, the bank's newest plan for it, its"
            + " batteries and EVs as last reported, and the newest commands to its sites with their acknowledgements",
            description = "Commands are listed only for the sites in the caller's scope (their owner's, or under a consent).")
    FeederPage feeder(@PathVariable String feederId,
                      @Parameter(description = "JST date, default today") @RequestParam(required = false) LocalDate date) {
        Instant asOf = clock.instant();
        LocalDate day = date != null ? date : Jst.toJst(asOf).toLocalDate();
        FeederDay feeder = days.on(day).stream().filter(f -> f.feederId().equals(feederId)).findFirst()
                .orElseThrow(() -> new NotFoundException("FEEDER_NOT_FOUND", "no feeder '" + feederId + "' in service on " + day
                        + "; the region's feeders are in GET /api/v1/dashboard/region"));
        Optional<Slot> latest = DashboardViews.latestMeasured(feeder.slots());
        FeederNow reported = now.of(feederId);
        FeederPage.Now nowView = new FeederPage.Now(reported.batterySites(),
                reported.averageSocPercent().map(v -> BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString()).orElse(null),
                reported.chargers(), reported.plugged(), reported.charging(), reported.oldest().map(DashboardViews::jst).orElse(null),
                reported.newest().map(DashboardViews::jst).orElse(null));
        FeederPage.Plan plan = plans.latest(BankId.of(feeder.bankId())).map(p -> plan(p, feederId, day)).orElse(null);
        List<FeederPage.GateSlot> atGate = plans.atGateClosure(BankId.of(feeder.bankId()), feederId, day, asOf).stream()
                .map(g -> new FeederPage.GateSlot(g.slot().index(), DashboardViews.jst(g.slot().start()), g.planId(),
                        DashboardViews.kwAvg(g.net())))
                .toList();
        Set<String> visible = new HashSet<>(scope.visibleSites(Principals.current().orElseThrow(), feederId, 0, Integer.MAX_VALUE));
        List<FeederPage.CommandView> sent = commands.newest(feederId, COMMANDS).stream().filter(c -> visible.contains(c.siteId()))
                .map(FeederController::view).toList();
        return new FeederPage(day.toString(), DashboardViews.jst(asOf), DashboardViews.feeder(feeder, latest), nowView, plan, atGate,
                sent);
    }

    private static FeederPage.Plan plan(StoredPlan p, String feederId, LocalDate day) {
        List<FeederPage.PlanSlot> slots = new ArrayList<>();
        for (StoredPlan.PlanSlot s : p.slots()) {
            Slot slot = Slot.containing(s.slotStart());
            if (s.feeder().equals(feederId) && slot.date().equals(day)) {
                slots.add(new FeederPage.PlanSlot(slot.index(), DashboardViews.jst(slot.start()), avg(s.netWh()), avg(s.storageWh()),
                        avg(s.evWh()), avg(s.curtailedWh())));
            }
        }
        return new FeederPage.Plan(p.id(), p.source(), DashboardViews.jst(p.createdAt()), p.breaches(), JSON.readTree(p.limitEventsJson()),
                slots);
    }

    private static String avg(long wh) {
        return DashboardViews.kwAvg(Energy.ofWattHours(wh));
    }

    private static FeederPage.CommandView view(FeederCommandsQuery.Command c) {
        return new FeederPage.CommandView(c.commandId(), c.siteId(), c.deviceId(), c.action(),
                BigDecimal.valueOf(c.setpointW()).movePointLeft(3).toPlainString(), time(c.validFrom()), time(c.validUntil()),
                time(c.issuedAt()), c.issuedBy(), c.status(), c.reason(), time(c.ackedAt()));
    }

    private static String time(Instant at) {
        return at == null ? null : DashboardViews.jst(at);
    }
}
