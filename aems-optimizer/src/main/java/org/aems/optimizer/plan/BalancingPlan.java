package org.aems.optimizer.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;

/**
 * The balancing group's plan (計画値) for one JST day as this platform sees it: per slot, the day-ahead value
 * (plans made by 12:00 the day before), the value in force at gate closure (intraday revisions included), the
 * actual net import (the transmission operator's certified values where it has them for every site, else the
 * platform's own meters), and the estimated imbalance. Only the sites registered
 * here are in it; the balancing group's other members are not ({@code scope} says so).
 */
public record BalancingPlan(LocalDate day, String scope, List<SlotRow> slots) {

    /**
     * Energies are the region's net import (+) or export (−) over all banks; a value is empty where no plan or
     * no complete measurement exists. {@code banksPlanned} counts banks with a plan in force, {@code
     * sitesReporting} of {@code sites} had a measured interval. {@code actualSource} says where the actual came from.
     */
    public record SlotRow(Slot slot, Optional<Energy> dayAhead, Optional<Energy> inForce, Optional<Energy> actual,
                          Optional<Energy> imbalance, Optional<Yen> imbalanceCost, int banksPlanned, long sitesReporting, long sites,
                          Optional<ActualSource> actualSource) {
    }

    /**
     * CERTIFIED: the transmission operator's 30-minute values (the data of record the imbalance is settled on), for
     * every site; GATEWAY: the platform's own meter intervals, for every site (provisional).
     */
    public enum ActualSource { CERTIFIED, GATEWAY }
}
