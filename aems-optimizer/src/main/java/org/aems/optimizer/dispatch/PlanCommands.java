package org.aems.optimizer.dispatch;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aems.core.telemetry.Command;
import org.aems.core.time.Slot;
import org.aems.core.unit.Power;
import org.aems.optimizer.model.BankPlan;
import org.aems.optimizer.model.BankProblem;
import org.aems.optimizer.model.EvBooking;
import org.aems.optimizer.model.EvSchedule;
import org.aems.optimizer.model.FeederProblem;
import org.aems.optimizer.model.FeederSchedule;
import org.aems.optimizer.model.StorageSchedule;

/**
 * Turns one slot of a bank's plan into setpoint commands: SET_POWER for every battery, and for every EV
 * charger whose vehicle is plugged in during the slot (an unplugged one would refuse it). Each command is
 * valid from the slot's start until {@link #HANDOVER} after its end ({@link #validUntil}): the next round's
 * command replaces it within that time, so a device never drops to its default at a boundary, and a device whose
 * next command does not arrive falls back to its own default soon after instead of holding a stale setpoint
 * (ADR 0025). Ids are derived from the slot, the plan's issue time and the device: dispatching the same plan twice
 * sends nothing new, a re-plan sends new ids.
 */
public final class PlanCommands {

    /**
     * How long a slot's setpoints stay valid into the next slot. The next round runs {@code aems.optimizer.delay}
     * (default 60 s) after the boundary and its commands replace these; were they valid only to the boundary, every
     * device would run its default mode from the boundary until the new command arrived, in every slot.
     */
    public static final Duration HANDOVER = Duration.ofMinutes(5);

    private PlanCommands() {
    }

    /** When a command for {@code slot} lapses: {@link #HANDOVER} after the slot ends. */
    public static Instant validUntil(Slot slot) {
        return slot.end().plus(HANDOVER);
    }

    public static List<Command> forSlot(BankProblem problem, BankPlan plan, int slot, Instant planIssuedAt) {
        Slot target = plan.slots().get(slot);
        if (!problem.slots().get(slot).equals(target)) {
            throw new IllegalArgumentException("plan of bank " + plan.bank() + " and its problem disagree on slot " + slot);
        }
        List<Command> commands = new ArrayList<>();
        for (int f = 0; f < plan.feeders().size(); f++) {
            FeederSchedule schedule = plan.feeders().get(f);
            FeederProblem feeder = problem.feeders().get(f);
            for (StorageSchedule battery : schedule.storage()) {
                commands.add(command(battery.id(), battery.setpoints().get(slot), target, planIssuedAt));
            }
            for (int e = 0; e < schedule.evs().size(); e++) {
                EvSchedule ev = schedule.evs().get(e);
                EvBooking booking = feeder.evs().get(e);
                if (slot >= booking.pluggedFrom() && slot < booking.departure()) {
                    commands.add(command(ev.id(), ev.setpoints().get(slot), target, planIssuedAt));
                }
            }
        }
        return commands;
    }

    /**
     * A command id from what it is for: {@code source} (opt = a bank plan, isl = an island), the slot, when the plan
     * was made and the device. The same plan yields the same ids; a new plan, new ones. At most 64 characters
     * for the ids of the registry's sites and devices.
     */
    public static String commandId(String source, Slot slot, Instant issuedAt, AssetRef asset) {
        return "%s-%d-%d-%s-%s".formatted(source, slot.start().getEpochSecond() / 60, issuedAt.getEpochSecond(), asset.site().value(),
                asset.device().value());
    }

    private static Command command(String modelId, Power setpoint, Slot slot, Instant issuedAt) {
        AssetRef asset = AssetRef.parse(modelId);
        String id = commandId("opt", slot, issuedAt, asset);
        return new Command(id, asset.site(), asset.device(), Command.Action.SET_POWER,
                BigDecimal.valueOf(setpoint.watts()), slot.start(), validUntil(slot), issuedAt);
    }
}
