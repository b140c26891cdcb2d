package org.aems.core.grid;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aems.core.unit.Power;

/** A supply point with its assets; its MQTT username is its id. */
public record Site(SiteId id, String name, SiteKind kind, SupplyPointNumber supplyPoint, Validity validity,
                   EffectiveHistory<BuybackStatus> buyback, List<Asset> assets) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(supplyPoint, "supplyPoint");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(buyback, "buyback");
        assets = List.copyOf(assets);
        Set<DeviceId> seen = new HashSet<>();
        for (Asset asset : assets) {
            if (!seen.add(asset.id())) {
                throw new IllegalArgumentException("site " + id + " has two assets with id " + asset.id());
            }
        }
    }

    public Optional<Asset> asset(DeviceId device) {
        return assets.stream().filter(a -> a.id().equals(device)).findFirst();
    }

    public <A extends Asset> List<A> assetsOf(Class<A> type) {
        return assets.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public Power pvPeakPower() {
        return assetsOf(PvArray.class).stream().map(PvArray::peakPower).reduce(Power.ZERO, Power::plus);
    }
}
