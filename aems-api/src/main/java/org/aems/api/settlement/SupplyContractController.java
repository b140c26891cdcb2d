package org.aems.api.settlement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.aems.api.config.NotFoundException;
import org.aems.api.settlement.SupplyContractStore.StoredSupplyContract;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.series.SeriesId;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.TaxTreatment;
import org.aems.core.settlement.supply.BasicChargeRate;
import org.aems.core.settlement.supply.PowerFactor;
import org.aems.core.settlement.supply.SupplyContract;
import org.aems.core.settlement.supply.SupplyVoltage;
import org.aems.core.time.Jst;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Supply contracts of facilities that receive local power (ADR 0013) through the API, versioned like the buy-back
 * ones: a change is a new version, and what a run would refuse (an overlap on the site) is refused now.
 */
@RestController
@RequestMapping("/api/v1/settlement/supply-contracts")
@Tag(name = "settlement")
class SupplyContractController {

    /**
     * A supply contract version to record. Months are whole JST months ({@code from} and {@code until} on the 1st,
     * {@code until} exclusive, absent = open). {@code contractedKw} for LOW_VOLTAGE only (契約電力); HIGH_VOLTAGE is
     * billed on its measured demand with the 11-month ratchet. {@code energyTariff} as for buy-back contracts, FIXED or
     * TIME_OF_USE. {@code basicCharge} yen/kW/month; {@code powerFactor} %, 85 = no adjustment. Decimals as strings.
     */
    record SupplyContractRequest(String siteId, LocalDate from, LocalDate until, String voltage, String contractedKw,
                                 String basicCharge, JsonNode energyTariff, Integer powerFactor, String fuelCostSeries,
                                 String taxTreatment, Integer expectedVersion) {
    }

    record SupplyContractView(String contractId, int version, String siteId, String from, String until, String voltage,
                              String contractedKw, String basicCharge, JsonNode energyTariff, int powerFactor,
                              String fuelCostSeries, String taxTreatment, String recordedAt, String recordedBy) {
    }

    private final SupplyContractStore contracts;
    private final Clock clock;

    SupplyContractController(SupplyContractStore contracts, Clock clock) {
        this.contracts = contracts;
        this.clock = clock;
    }

    @PutMapping("/{contractId}")
    @Operation(summary = "Record the next version of a supply contract (201 for version 1, 200 after)",
            description = "409 OVERLAPPING_CONTRACTS when the site has another supply contract in some of these months (end that"
                    + " one first), CONTRACT_VERSION_CONFLICT when expectedVersion is not the latest, CONTRACT_SITE_CHANGE when"
                    + " the contract belongs to another site; 400 for a month boundary not on the 1st, contracted power on a"
                    + " high-voltage contract or none on a low-voltage one, or a market-linked energy tariff.")
    ResponseEntity<SupplyContractView> record(@PathVariable String contractId, java.security.Principal who,
                                              @RequestBody SupplyContractRequest request) {
        if (request.siteId() == null || request.from() == null || request.voltage() == null || request.basicCharge() == null
                || request.energyTariff() == null || request.powerFactor() == null || request.fuelCostSeries() == null
                || request.taxTreatment() == null) {
            throw new IllegalArgumentException("siteId, from, voltage, basicCharge, energyTariff, powerFactor, fuelCostSeries and"
                    + " taxTreatment are required (contractedKw too for LOW_VOLTAGE)");
        }
        SupplyContract proposed = new SupplyContract(ContractId.of(contractId), 1, SiteId.of(request.siteId()),
                new Validity(request.from(), request.until()), named(SupplyVoltage.class, "voltage", request.voltage()),
                request.contractedKw() == null ? null : decimal("contractedKw", request.contractedKw()),
                new BasicChargeRate(decimal("basicCharge", request.basicCharge())), TariffJson.read(request.energyTariff().toString()),
                new PowerFactor(request.powerFactor()), new SeriesId(request.fuelCostSeries()),
                named(TaxTreatment.class, "taxTreatment", request.taxTreatment()));
        StoredSupplyContract stored = contracts.recordNext(proposed, Optional.ofNullable(request.expectedVersion()), clock.instant(),
                who.getName());
        SupplyContractView view = view(stored);
        return stored.contract().version() == 1
                ? ResponseEntity.created(URI.create("/api/v1/settlement/supply-contracts/" + contractId)).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{contractId}")
    @Operation(summary = "Every version of a supply contract, oldest first")
    List<SupplyContractView> versions(@PathVariable String contractId) {
        List<StoredSupplyContract> versions = contracts.versions(ContractId.of(contractId));
        if (versions.isEmpty()) {
            throw new NotFoundException("CONTRACT_NOT_FOUND", "no supply contract '" + contractId + "'; list a site's supply"
                    + " contracts with GET /api/v1/settlement/supply-contracts?siteId=…");
        }
        return versions.stream().map(SupplyContractController::view).toList();
    }

    @GetMapping
    @Operation(summary = "The latest version of each supply contract of a site")
    List<SupplyContractView> ofSite(@RequestParam String siteId) {
        return contracts.ofSite(SiteId.of(siteId)).stream().map(SupplyContractController::view).toList();
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", was '" + value + "'");
        }
    }

    private static BigDecimal decimal(String field, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a decimal number as a string, e.g. \"1800\", was '" + value + "'");
        }
    }

    private static SupplyContractView view(StoredSupplyContract s) {
        SupplyContract c = s.contract();
        return new SupplyContractView(c.id().value(), c.version(), c.site().value(), c.validity().from().toString(),
                c.validity().until() == null ? null : c.validity().until().toString(), c.voltage().name(),
                c.contractedKilowatts() == null ? null : c.contractedKilowatts().toPlainString(),
                c.basicCharge().yenPerKwMonth().toPlainString(), TariffJson.JSON.readTree(TariffJson.write(c.energyTariff())),
                c.powerFactor().percent(), c.fuelCostSeries().value(), c.taxTreatment().name(),
                Jst.toJst(s.recordedAt()).toOffsetDateTime().toString(), s.recordedBy());
    }
}
