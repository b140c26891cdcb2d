package org.aems.api.settlement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.aems.api.config.NotFoundException;
import org.aems.api.settlement.ContractStore.StoredContract;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.TaxTreatment;
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
 * Buy-back contracts through the API: every change is a new version (the old ones stay, as runs name them), a
 * version that would overlap another contract of the site is refused now rather than failing a run later.
 */
@RestController
@RequestMapping("/api/v1/settlement/contracts")
@Tag(name = "settlement")
class ContractController {

    /**
     * A contract version to record. {@code tariff} is {"kind":"FIXED","price":"8.5"}, {"kind":"TIME_OF_USE","bands":[…]}
     * or {"kind":"MARKET_LINKED","series":"jepx.spot.tokyo","factor":"1","adder":"0","floor":"5"} (prices in yen/kWh as
     * decimal strings). {@code expectedVersion}: the version you read, to refuse a lost update (409).
     */
    record ContractRequest(String siteId, LocalDate from, LocalDate until, JsonNode tariff, String taxTreatment,
                           Integer meterReadingDay, Integer expectedVersion) {
    }

    record ContractView(String contractId, int version, String siteId, String from, String until, JsonNode tariff,
                        String taxTreatment, Integer meterReadingDay, String recordedAt, String recordedBy) {
    }

    private final ContractStore contracts;
    private final Clock clock;

    ContractController(ContractStore contracts, Clock clock) {
        this.contracts = contracts;
        this.clock = clock;
    }

    @PutMapping("/{contractId}")
    @Operation(summary = "Record the next version of a buy-back contract (201 for version 1, 200 after)",
            description = "409 OVERLAPPING_CONTRACTS when the site has another contract on some of these days (end that one"
                    + " first), CONTRACT_VERSION_CONFLICT when expectedVersion is not the latest, CONTRACT_SITE_CHANGE when the"
                    + " contract belongs to another site. Dates are JST days, 'until' exclusive, absent = open-ended.")
    ResponseEntity<ContractView> record(@PathVariable String contractId, java.security.Principal who,
                                        @RequestBody ContractRequest request) {
        String user = who.getName();
        if (request.siteId() == null || request.from() == null || request.tariff() == null || request.taxTreatment() == null) {
            throw new IllegalArgumentException("siteId, from, tariff and taxTreatment are required");
        }
        if (request.meterReadingDay() != null && (request.meterReadingDay() < 1 || request.meterReadingDay() > 28)) {
            throw new IllegalArgumentException("meterReadingDay must be 1-28 (計量日), or absent for calendar months, was "
                    + request.meterReadingDay());
        }
        TaxTreatment tax;
        try {
            tax = TaxTreatment.valueOf(request.taxTreatment());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("taxTreatment must be TAX_INCLUSIVE or TAX_EXCLUSIVE, was '" + request.taxTreatment() + "'");
        }
        StoredContract stored = contracts.recordNext(ContractId.of(contractId), SiteId.of(request.siteId()),
                new Validity(request.from(), request.until()), TariffJson.read(request.tariff().toString()), tax,
                Optional.ofNullable(request.meterReadingDay()), Optional.ofNullable(request.expectedVersion()), clock.instant(), user);
        ContractView view = view(stored);
        return stored.contract().version() == 1
                ? ResponseEntity.created(URI.create("/api/v1/settlement/contracts/" + contractId)).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{contractId}")
    @Operation(summary = "Every version of a contract, oldest first")
    List<ContractView> versions(@PathVariable String contractId) {
        List<StoredContract> versions = contracts.versions(ContractId.of(contractId));
        if (versions.isEmpty()) {
            throw new NotFoundException("CONTRACT_NOT_FOUND", "no buy-back contract '" + contractId + "'; list a site's contracts"
                    + " with GET /api/v1/settlement/contracts?siteId=…");
        }
        return versions.stream().map(ContractController::view).toList();
    }

    @GetMapping
    @Operation(summary = "The latest version of each contract of a site")
    List<ContractView> ofSite(@RequestParam String siteId) {
        return contracts.ofSite(SiteId.of(siteId)).stream().map(ContractController::view).toList();
    }

    private static ContractView view(StoredContract s) {
        var c = s.contract();
        return new ContractView(c.id().value(), c.version(), c.site().value(), c.validity().from().toString(),
                c.validity().until() == null ? null : c.validity().until().toString(), TariffJson.JSON.readTree(TariffJson.write(c.tariff())),
                c.taxTreatment().name(), s.meterReadingDay().orElse(null), Jst.toJst(s.recordedAt()).toOffsetDateTime().toString(),
                s.recordedBy());
    }
}
