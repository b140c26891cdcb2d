package org.aems.api.settlement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.aems.core.series.SeriesId;
import org.aems.core.settlement.BuybackTariff;
import org.aems.core.settlement.DayType;
import org.aems.core.settlement.FixedPrice;
import org.aems.core.settlement.MarketLinked;
import org.aems.core.settlement.TimeOfUse;
import org.aems.core.settlement.TouBand;
import org.aems.core.unit.YenPerKwh;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored form of a tariff ({@code buyback_contract.tariff}, documented in V20). Prices are decimal
 * strings so that no price ever passes through a double.
 */
final class TariffJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TariffJson() {
    }

    static String write(BuybackTariff tariff) {
        ObjectNode node = JSON.createObjectNode();
        if (tariff instanceof FixedPrice f) {
            node.put("kind", "FIXED");
            node.put("price", f.price().value().toPlainString());
        } else if (tariff instanceof TimeOfUse t) {
            node.put("kind", "TIME_OF_USE");
            ArrayNode bands = node.putArray("bands");
            for (TouBand b : t.bands()) {
                ObjectNode band = bands.addObject();
                band.put("dayType", b.dayType().name());
                band.put("firstSlot", b.firstSlot());
                band.put("lastSlot", b.lastSlot());
                band.put("price", b.price().value().toPlainString());
            }
        } else if (tariff instanceof MarketLinked m) {
            node.put("kind", "MARKET_LINKED");
            node.put("series", m.series().value());
            node.put("factor", m.factor().toPlainString());
            node.put("adder", m.adder().value().toPlainString());
            node.put("floor", m.floor().value().toPlainString());
        }
        return JSON.writeValueAsString(node);
    }

    static BuybackTariff read(String json) {
        JsonNode node = JSON.readTree(json);
        String kind = node.path("kind").asString("");
        switch (kind) {
            case "FIXED":
                return new FixedPrice(price(node, "price"));
            case "TIME_OF_USE":
                List<TouBand> bands = new ArrayList<>();
                for (JsonNode b : node.path("bands")) {
                    bands.add(new TouBand(DayType.valueOf(b.path("dayType").asString()), b.path("firstSlot").asInt(),
                            b.path("lastSlot").asInt(), price(b, "price")));
                }
                return new TimeOfUse(bands);
            case "MARKET_LINKED":
                return new MarketLinked(new SeriesId(node.path("series").asString()), decimal(node, "factor"),
                        price(node, "adder"), price(node, "floor"));
            default:
                throw new IllegalArgumentException("tariff kind must be FIXED, TIME_OF_USE or MARKET_LINKED, was '" + kind + "'");
        }
    }

    private static YenPerKwh price(JsonNode node, String field) {
        return YenPerKwh.of(decimal(node, field));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() && !value.isNumber()) {
            throw new IllegalArgumentException("tariff field '" + field + "' must be a decimal string such as \"8.5\"");
        }
        try {
            return value.isString() ? new BigDecimal(value.asString()) : value.decimalValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tariff field '" + field + "' must be a decimal string such as \"8.5\", was '"
                    + value.asString() + "'");
        }
    }
}
