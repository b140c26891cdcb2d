package org.aems.core.echonet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Rejection;

/**
 * Turns one B-route frame of a low-voltage smart meter (ECHONET Lite class 0x0288, any instance) into
 * readings in canonical units. Stateless and thread-safe; the caller remembers each meter's
 * {@link MeterScale} between frames.
 *
 * <table>
 * <caption>Properties read</caption>
 * <tr><th>EPC</th><th>Value</th><th>Reading</th></tr>
 * <tr><td>0xE7</td><td>signed long, W, + = import (the ECHONET Lite sign is ours)</td>
 *     <td>{@code meter.power} at {@code gatewayTime}</td></tr>
 * <tr><td>0xE0 / 0xE3</td><td>unsigned long register, 0..99,999,999, × scale</td>
 *     <td>{@code meter.import.energy} / {@code meter.export.energy} in Wh at {@code gatewayTime}</td></tr>
 * <tr><td>0xEA / 0xEB</td><td>year (2 bytes), month, day, hour, minute, second, register (4 bytes)</td>
 *     <td>{@code meter.import.energy.fixed} / {@code meter.export.energy.fixed} at the meter's time read
 *     in JST, which outranks the gateway clock</td></tr>
 * <tr><td>0xE2 / 0xE4</td><td>day number (2 bytes, days before today), 48 registers</td>
 *     <td>48 {@code meter.*.energy.fixed} readings at 00:00, 00:30, ..., 23:30 JST of that day</td></tr>
 * <tr><td>0xE1, 0xD3, 0xD7</td><td>unit, coefficient, effective digits</td><td>none: the scale</td></tr>
 * <tr><td>0xE5</td><td>day for historical data, 0..99</td><td>none (the day inside 0xE2/0xE4 wins)</td></tr>
 * </table>
 *
 * <p><b>Historical data (0xE2/0xE4).</b> The day number counts back from "today", the JST date of
 * {@code gatewayTime}. Value {@code i} (0..47) is taken as the register at 00:00 + 30 min × i JST of
 * that day. Why: the APPENDIX gives 48 half-hourly cumulative amounts of the collection day in time
 * order ("48 pieces of half-hourly data", "24 hours"); the English text does not name the clock time
 * of the first one, and published B-route readers (e.g. the Smdn.Net.EchonetLite.RouteB library)
 * read them as 00:00 ... 23:30. A register is a reading at an instant, so the 24:00 value is the
 * next day's 00:00 value, not the last of this day. Values that are not measured yet (today's future slots) are
 * 0xFFFFFFFE; they are skipped and reported in one {@code NO_MEASUREMENT} rejection per property,
 * not one per value.
 *
 * <p><b>Scale.</b> Energy registers need the unit (0xE1) and coefficient (0xD3). Scale properties are
 * read first, wherever they sit in the frame; the frame's own values win over {@code knownScale},
 * which fills in what the frame lacks, and then the defaults apply (coefficient 1, the
 * specification's value for meters without 0xD3; 8 effective digits). The result's
 * {@link MeterFrameResult#scale()} is that merged scale when the frame carried at least one valid scale
 * property and the unit is known.
 *
 * <p><b>Special values.</b> 0xFFFFFFFE (unsigned) and 0x7FFFFFFE (signed) mean "no measurement data"
 * and become {@code NO_MEASUREMENT}; 0x7FFFFFFF (overflow), 0x80000000 (underflow) and registers
 * above 99,999,999 or outside the meter's effective digits become {@code VALUE_OUT_OF_RANGE}.
 * A property with the wrong PDC is {@code INVALID_READING}. Other EPCs are ignored and counted; in a
 * Get_SNA (0x52) the properties with PDC 0 are the ones the meter could not answer and are ignored too.
 */
public final class EchonetMeterDecoder {

    /** Class group 0x02 (housing and facilities), class 0x88 (low-voltage smart electric energy meter). */
    public static final int METER_CLASS_GROUP = 0x02;
    public static final int METER_CLASS = 0x88;

    /**
     * Decodes one frame.
     *
     * @param gatewayTime when the gateway received the frame: the timestamp of 0xE7/0xE0/0xE3 and the
     *                    "today" of 0xE2/0xE4
     * @param knownScale  the meter's scale remembered from earlier frames, if any
     * @return the readings and rejections (index = property index in the frame); a frame that cannot be
     *         used as a whole yields one {@code ECHONET_MALFORMED} rejection with index -1 and nothing else
     */
    public MeterFrameResult decode(SiteId site, DeviceId device, byte[] frame, Instant gatewayTime,
                                   Optional<MeterScale> knownScale) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(gatewayTime, "gatewayTime");
        Objects.requireNonNull(knownScale, "knownScale");
        EchonetFrame parsed;
        try {
            parsed = EchonetFrame.parse(frame);
        } catch (MalformedFrameException e) {
            return MeterFrameResult.refused(e.getMessage());
        }
        if (!parsed.seoj().isOfClass(METER_CLASS_GROUP, METER_CLASS)) {
            return MeterFrameResult.refused("SEOJ " + parsed.seoj() + " (class " + parsed.seoj().classHex()
                    + ") is not a low-voltage smart meter (0x0288); forward only the meter's frames on this topic");
        }
        List<Rejection> rejections = new ArrayList<>();
        Optional<MeterScale> frameScale = ScaleProperties.read(parsed, rejections).merge(knownScale);
        MeterPropertyReader reader = new MeterPropertyReader(site, device, gatewayTime, frameScale.or(() -> knownScale),
                rejections);
        int ignored = 0;
        List<EchonetProperty> properties = parsed.properties();
        for (int i = 0; i < properties.size(); i++) {
            EchonetProperty value = properties.get(i);
            Optional<MeterProperty> property = MeterProperty.of(value.epc());
            if (property.isEmpty() || (parsed.esv().partial() && value.pdc() == 0)) {
                ignored++;
            } else {
                reader.read(i, property.get(), value);
            }
        }
        rejections.sort(Comparator.comparingInt(Rejection::readingIndex));
        return new MeterFrameResult(reader.readings(), rejections, frameScale, properties.size(), ignored);
    }
}
