package org.aems.api.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the Feeder page shows for one feeder on one JST day, as of {@code asOf}. kW as decimal strings, times JST. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FeederPage(String date, String asOf, RegionView.Feeder feeder, Now now, Plan plan, List<GateSlot> planAtGateClosure,
                  List<CommandView> commands) {

    /** The storage and EVs as last reported; {@code oldest}/{@code newest}: the age of those reports. */
    record Now(int batterySites, String averageSocPercent, int chargers, int plugged, int charging, String oldest, String newest) {
    }

    /**
     * The bank's newest plan, this feeder's slots on the day ({@code netKw} + import, − reverse flow), and the limits that
     * bound or were breached and why ({@code limitEvents}, as the optimizer wrote them).
     */
    record Plan(long id, String source, String createdAt, int breaches, JsonNode limitEvents, List<PlanSlot> slots) {
    }

    record PlanSlot(int slot, String start, String netKw, String storageKw, String evKw, String curtailedKw) {
    }

    /** A slot whose gate has closed: the feeder's net flow in the plan version in force then ({@code planId}). */
    record GateSlot(int slot, String start, long planId, String netKw) {
    }

    record CommandView(String commandId, String siteId, String deviceId, String action, String setpointKw, String validFrom,
                       String validUntil, String issuedAt, String issuedBy, String status, String reason, String ackedAt) {
    }
}
