package org.aems.core.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.aems.core.grid.Asset;
import org.aems.core.grid.Bank;
import org.aems.core.grid.BankId;
import org.aems.core.grid.Battery;
import org.aems.core.grid.BuybackStatus;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.Effective;
import org.aems.core.grid.EffectiveHistory;
import org.aems.core.grid.EvCharger;
import org.aems.core.grid.Feeder;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.grid.MetrologyClass;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.Region;
import org.aems.core.grid.RegionId;
import org.aems.core.grid.Site;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.SiteKind;
import org.aems.core.grid.SmartMeter;
import org.aems.core.grid.Substation;
import org.aems.core.grid.SubstationId;
import org.aems.core.grid.SupplyPointNumber;
import org.aems.core.grid.Validity;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a region file (YAML, docs/region-file.md) into a {@link Region}. Every problem is collected
 * with its path, so a planner fixes the file in one pass instead of one error per try.
 */
public final class RegionFileReader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public Region read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read region file " + file + ": " + e.getMessage(), e);
        }
    }

    public Region read(InputStream yaml) {
        RegionFile file;
        try {
            file = YAML.readValue(yaml, RegionFile.class);
        } catch (DatabindException e) {
            throw new RegionFileException(List.of(pathOf(e) + ": " + e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw new RegionFileException(List.of("not valid YAML: " + e.getOriginalMessage()));
        }
        if (file == null) {
            throw new RegionFileException(List.of("file is empty"));
        }
        return new Conversion().region(file);
    }

    private static String pathOf(DatabindException e) {
        String path = e.getPathReference();
        return path == null || path.isBlank() ? "(file)" : path;
    }

    /** Walks the file once, converting what it can and noting every problem with its path. */
    private static final class Conversion {
        private final List<String> problems = new ArrayList<>();

        Region region(RegionFile file) {
            if (file.region() == null) {
                problems.add("region: missing (give id and name)");
            }
            List<Substation> substations = new ArrayList<>();
            List<RegionFile.SubstationEntry> entries = orEmpty(file.substations());
            if (entries.isEmpty()) {
                problems.add("substations: at least one substation is needed");
            }
            for (int i = 0; i < entries.size(); i++) {
                Substation s = substation("substations[" + i + "]", entries.get(i));
                if (s != null) {
                    substations.add(s);
                }
            }
            Region region = null;
            if (file.region() != null) {
                region = attempt("region", () -> new Region(RegionId.of(required(file.region().id(), "id")),
                        nameOr(file.region().name(), file.region().id()), substations));
            }
            if (!problems.isEmpty() || region == null) {
                throw new RegionFileException(problems);
            }
            return region;
        }

        private Substation substation(String path, RegionFile.SubstationEntry entry) {
            int problemsBefore = problems.size();
            List<Bank> banks = new ArrayList<>();
            List<RegionFile.BankEntry> entries = orEmpty(entry.banks());
            for (int i = 0; i < entries.size(); i++) {
                Bank bank = bank(path + ".banks[" + i + "]", entries.get(i));
                if (bank != null) {
                    banks.add(bank);
                }
            }
            if (problems.size() > problemsBefore) {
                return null; // the children's problems are reported; the parent would only repeat them
            }
            return attempt(path, () -> new Substation(SubstationId.of(required(entry.id(), "id")),
                    nameOr(entry.name(), entry.id()), banks));
        }

        private Bank bank(String path, RegionFile.BankEntry entry) {
            int problemsBefore = problems.size();
            List<Feeder> feeders = new ArrayList<>();
            List<RegionFile.FeederEntry> entries = orEmpty(entry.feeders());
            for (int i = 0; i < entries.size(); i++) {
                Feeder feeder = feeder(path + ".feeders[" + i + "]", entries.get(i));
                if (feeder != null) {
                    feeders.add(feeder);
                }
            }
            EffectiveHistory<FlowLimits> limits = limits(path + ".limits", entry.limits());
            if (problems.size() > problemsBefore) {
                return null;
            }
            return attempt(path, () -> new Bank(BankId.of(required(entry.id(), "id")), nameOr(entry.name(), entry.id()),
                    limits, feeders));
        }

        private Feeder feeder(String path, RegionFile.FeederEntry entry) {
            int problemsBefore = problems.size();
            List<Site> sites = new ArrayList<>();
            List<RegionFile.SiteEntry> entries = orEmpty(entry.sites());
            for (int i = 0; i < entries.size(); i++) {
                Site site = site(path + ".sites[" + i + "]", entries.get(i));
                if (site != null) {
                    sites.add(site);
                }
            }
            EffectiveHistory<FlowLimits> limits = limits(path + ".limits", entry.limits());
            if (problems.size() > problemsBefore) {
                return null;
            }
            return attempt(path, () -> new Feeder(FeederId.of(required(entry.id(), "id")), nameOr(entry.name(), entry.id()),
                    validity(entry.from(), entry.until()), limits, sites));
        }

        private EffectiveHistory<FlowLimits> limits(String path, List<RegionFile.LimitEntry> entries) {
            if (entries == null || entries.isEmpty()) {
                problems.add(path + ": at least one entry is needed (from, reverseFlowLimitKw, importLimitKw)");
                return null;
            }
            List<Effective<FlowLimits>> history = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                RegionFile.LimitEntry e = entries.get(i);
                Effective<FlowLimits> limit = attempt(path + "[" + i + "]", () -> new Effective<>(validity(e.from(), e.until()),
                        new FlowLimits(kilowatts(e.reverseFlowLimitKw(), "reverseFlowLimitKw"),
                                kilowatts(e.importLimitKw(), "importLimitKw"))));
                if (limit != null) {
                    history.add(limit);
                }
            }
            return attempt(path, () -> new EffectiveHistory<>(history));
        }

        private Site site(String path, RegionFile.SiteEntry entry) {
            int problemsBefore = problems.size();
            List<Asset> assets = new ArrayList<>();
            List<RegionFile.AssetEntry> entries = orEmpty(entry.assets());
            for (int i = 0; i < entries.size(); i++) {
                Asset asset = asset(path + ".assets[" + i + "]", entries.get(i), entry.from());
                if (asset != null) {
                    assets.add(asset);
                }
            }
            List<Effective<BuybackStatus>> buyback = new ArrayList<>();
            List<RegionFile.BuybackEntry> buybackEntries = orEmpty(entry.buyback());
            for (int i = 0; i < buybackEntries.size(); i++) {
                RegionFile.BuybackEntry b = buybackEntries.get(i);
                Effective<BuybackStatus> status = attempt(path + ".buyback[" + i + "]", () -> new Effective<>(
                        validity(b.from(), b.until()), enumValue(BuybackStatus.class, b.status(), "status")));
                if (status != null) {
                    buyback.add(status);
                }
            }
            // Each field on its own, so every problem of the site is reported with its own path.
            SiteId id = attempt(path + ".id", () -> SiteId.of(required(entry.id(), "id")));
            SiteKind kind = attempt(path + ".kind", () -> enumValue(SiteKind.class, entry.kind(), "kind"));
            SupplyPointNumber supplyPoint = attempt(path + ".supplyPoint",
                    () -> new SupplyPointNumber(required(entry.supplyPoint(), "supplyPoint")));
            Validity validity = attempt(path, () -> validity(entry.from(), entry.until()));
            EffectiveHistory<BuybackStatus> history = attempt(path + ".buyback", () -> new EffectiveHistory<>(buyback));
            if (problems.size() > problemsBefore) {
                return null;
            }
            return attempt(path, () -> new Site(id, nameOr(entry.name(), entry.id()), kind, supplyPoint, validity, history, assets));
        }

        /** An asset without its own {@code from} is in force from its site's {@code from}. */
        private Asset asset(String path, RegionFile.AssetEntry a, LocalDate siteFrom) {
            return attempt(path, () -> {
                DeviceId id = DeviceId.of(required(a.id(), "id"));
                Validity validity = validity(a.from() == null ? siteFrom : a.from(), a.until());
                boolean curtailable = a.curtailable() != null && a.curtailable();
                String type = required(a.type(), "type");
                switch (type) {
                    case "pv":
                        Power peak = kilowatts(a.kwp(), "kwp");
                        return new PvArray(id, validity, curtailable, peak,
                                a.inverterKw() == null ? peak : kilowatts(a.inverterKw(), "inverterKw"),
                                a.tilt() == null ? 30.0 : a.tilt(), a.azimuth() == null ? 180.0 : a.azimuth());
                    case "battery":
                        return new Battery(id, validity, curtailable, kilowattHours(a.kwh(), "kwh"),
                                kilowatts(a.chargeKw(), "chargeKw"), kilowatts(a.dischargeKw(), "dischargeKw"),
                                Efficiency.of(a.chargeEfficiency() == null ? 0.95 : a.chargeEfficiency()),
                                Efficiency.of(a.dischargeEfficiency() == null ? 0.95 : a.dischargeEfficiency()));
                    case "ev-charger":
                        boolean v2x = a.v2x() != null && a.v2x();
                        return new EvCharger(id, validity, curtailable, kilowatts(a.chargeKw(), "chargeKw"),
                                a.dischargeKw() == null ? Power.ZERO : kilowatts(a.dischargeKw(), "dischargeKw"), v2x);
                    case "meter":
                        return new SmartMeter(id, validity, enumValue(MetrologyClass.class, a.metrologyClass(), "metrologyClass"),
                                a.rolloverKwh() == null ? Energy.ofKilowattHours(new BigDecimal("100000"))
                                        : kilowattHours(a.rolloverKwh(), "rolloverKwh"));
                    default:
                        throw new IllegalArgumentException("type must be one of pv, battery, ev-charger, meter; was '" + type + "'");
                }
            });
        }

        private <T> T attempt(String path, Supplier<T> build) {
            try {
                return build.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(path + ": " + e.getMessage());
                return null;
            }
        }

        private static Validity validity(LocalDate from, LocalDate until) {
            return new Validity(required(from, "from"), until);
        }

        private static Power kilowatts(BigDecimal kw, String field) {
            return Power.ofKilowatts(required(kw, field));
        }

        private static Energy kilowattHours(BigDecimal kwh, String field) {
            return Energy.ofKilowattHours(required(kwh, field));
        }

        private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
            String text = required(value, field);
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + " must be one of " + List.of(type.getEnumConstants()) + ", was '" + text + "'");
            }
        }

        private static <T> T required(T value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return value;
        }

        private static String nameOr(String name, String id) {
            return name == null ? String.valueOf(id) : name;
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
