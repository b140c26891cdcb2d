package org.aems.simulators.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aems.core.grid.Asset;
import org.aems.core.grid.Battery;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.EvCharger;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.Site;
import org.aems.core.grid.SmartMeter;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.CommandAck;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.unit.Energy;
import org.aems.simulators.battery.BatteryModel;
import org.aems.simulators.control.Controllable;
import org.aems.simulators.control.Fallback;
import org.aems.simulators.control.Setpoint;
import org.aems.simulators.ev.BookingSchedule;
import org.aems.simulators.ev.EvModel;
import org.aems.simulators.load.LoadModel;
import org.aems.simulators.meter.MeterModel;
import org.aems.simulators.meter.RegisterMemory;
import org.aems.simulators.pv.PvInverter;
import org.aems.simulators.pv.PvModel;
import org.aems.simulators.random.Noise;
import org.aems.simulators.scenario.SiteBehaviour;

/**
 * One simulated site: PV under the region's weather, a load of its kind, batteries, shared EVs and a
 * smart meter. Energy balances at every step: meter = load − PV + battery + EV, all in W with the signs
 * of DOMAIN.md (battery and EV + = charging, meter + = import). Deterministic for a seed.
 *
 * <p>Thread-safe: the simulation thread steps it while MQTT callback threads hand it commands.
 */
public final class SiteModel {

    private static final DeviceId LOAD = DeviceId.of("load");
    private static final int REMEMBERED_COMMANDS = 256;
    private static final String IMPORT = "import";
    private static final String EXPORT = "export";
    private static final String GENERATION = "generation";

    private final Site site;
    private final int cell;
    private final LoadModel load;
    private final List<PvInverter> pvs = new ArrayList<>();
    private final List<BatteryModel> batteries = new ArrayList<>();
    private final List<EvModel> evs = new ArrayList<>();
    private final MeterModel meter;
    private final Map<DeviceId, Controllable> controllables = new LinkedHashMap<>();
    private final Map<String, CommandAck> seenCommands = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CommandAck> eldest) {
            return size() > REMEMBERED_COMMANDS;
        }
    };
    private int fallbacksSeen;

    /**
     * @param cell the site's cloud cell (its feeder's position in the region), see {@link org.aems.simulators.weather.Weather}
     */
    public SiteModel(Site site, SiteBehaviour behaviour, int cell, long seed, PhysicsOptions options) {
        this.site = Objects.requireNonNull(site, "site");
        this.cell = cell;
        long key = Noise.key(site.id().value());
        this.load = new LoadModel(behaviour.loadProfile(), behaviour.annualConsumption(), behaviour.loadNoise(), seed, key);
        for (PvArray array : site.assetsOf(PvArray.class)) {
            double roof = 1 + 0.04 * Noise.gaussian(seed, key, 11);
            PvInverter pv = new PvInverter(new PvModel(array, Math.min(1.05, roof)), 1_000 * array.peakPower().toKilowatts()
                    * 1_100 * 3 * Noise.uniform(seed, key, 12));
            pvs.add(pv);
            controllables.put(array.id(), pv);
        }
        for (Battery battery : site.assetsOf(Battery.class)) {
            BatteryModel model = new BatteryModel(battery, 0.2 + 0.6 * Noise.uniform(seed, key ^ battery.id().value().hashCode(), 13));
            batteries.add(model);
            controllables.put(battery.id(), model);
        }
        for (EvCharger charger : site.assetsOf(EvCharger.class)) {
            long vehicle = key ^ Noise.key(charger.id().value());
            double capacity = behaviour.evBattery().wattHours();
            EvModel ev = new EvModel(charger, new BookingSchedule(seed, vehicle, behaviour.evTripsPerDay(),
                    behaviour.evEnergyPerTrip().wattHours(), capacity), capacity, 0.6 + 0.3 * Noise.uniform(seed, vehicle, 14));
            evs.add(ev);
            controllables.put(charger.id(), ev);
        }
        SmartMeter spec = site.assetsOf(SmartMeter.class).stream().findFirst()
                .orElse(new SmartMeter(DeviceId.of("meter-1"), site.validity(), org.aems.core.grid.MetrologyClass.CERTIFIED,
                        Energy.ofKilowattHours(100_000)));
        this.meter = new MeterModel(spec, site.id(), seed, key, options.meterNearRolloverShare(),
                options.meterReplacementsPerYear());
    }

    public Site site() {
        return site;
    }

    /** Adds this site's cumulative registers to {@code out}, keyed as {@link RegisterMemory} keeps them. */
    public synchronized void registersInto(Map<String, Double> out) {
        String id = site.id().value();
        out.put(RegisterMemory.key(id, meter.id().value(), IMPORT), meter.importWh());
        out.put(RegisterMemory.key(id, meter.id().value(), EXPORT), meter.exportWh());
        for (PvInverter pv : pvs) {
            out.put(RegisterMemory.key(id, pv.model().array().id().value(), GENERATION), pv.energyWh());
        }
    }

    /**
     * Continues from the registers a previous run left; a device the memory does not know (new in the region file) keeps
     * its seeded start. Returns the number of registers resumed.
     */
    public synchronized int resume(Map<String, Double> memory) {
        String id = site.id().value();
        int resumed = 0;
        Double imported = memory.get(RegisterMemory.key(id, meter.id().value(), IMPORT));
        Double exported = memory.get(RegisterMemory.key(id, meter.id().value(), EXPORT));
        if (imported != null && exported != null) {
            meter.resume(imported, exported);
            resumed += 2;
        }
        for (PvInverter pv : pvs) {
            Double generated = memory.get(RegisterMemory.key(id, pv.model().array().id().value(), GENERATION));
            if (generated != null) {
                pv.resume(generated);
                resumed++;
            }
        }
        return resumed;
    }

    /** Advances the step {@code ctx} and returns the truth and the readings at its end. */
    public synchronized SiteStep step(StepContext ctx) {
        Instant t = ctx.to();
        double hours = ctx.hours();
        double clearSky = pvs.isEmpty() ? 0 : ctx.weather().clearSkyIndex(ctx.middle(), cell);
        double pvW = 0;
        double[] pvPower = new double[pvs.size()];
        for (int i = 0; i < pvs.size(); i++) {
            pvPower[i] = pvs.get(i).step(t, hours, ctx.sun(), clearSky, ctx.airTempC());
            pvW += pvPower[i];
        }
        double loadW = load.powerW(ctx.day(), ctx.workday(), ctx.schoolBreak(), ctx.hourOfDay(), ctx.feltTempC(),
                ctx.middle().getEpochSecond() / 60);
        double evW = 0;
        double[] evPower = new double[evs.size()];
        for (int i = 0; i < evs.size(); i++) {
            evPower[i] = evs.get(i).step(t, hours);
            evW += evPower[i];
        }
        double batteryW = 0;
        double[] batteryPower = new double[batteries.size()];
        for (int i = 0; i < batteries.size(); i++) {
            // Self-consumption sees the site as it is so far: PV less load, EV charging and earlier batteries.
            batteryPower[i] = batteries.get(i).step(t, hours, pvW - loadW - evW - batteryW);
            batteryW += batteryPower[i];
        }
        double meterW = loadW - pvW + batteryW + evW;

        List<Reading> readings = new ArrayList<>(12 + 4 * evs.size());
        boolean replaced = meter.advance(ctx.from(), t, meterW, readings);
        readings.add(reading(meter.id(), Quantity.METER_POWER, t, Math.round(meterW)));
        readings.add(reading(meter.id(), Quantity.METER_IMPORT_ENERGY, t, meter.importRegisterWh()));
        readings.add(reading(meter.id(), Quantity.METER_EXPORT_ENERGY, t, meter.exportRegisterWh()));
        readings.add(reading(LOAD, Quantity.LOAD_POWER, t, Math.round(loadW)));
        int commanded = 0;
        for (int i = 0; i < pvs.size(); i++) {
            PvInverter pv = pvs.get(i);
            DeviceId id = pv.model().array().id();
            readings.add(reading(id, Quantity.PV_POWER, t, Math.round(pvPower[i])));
            readings.add(reading(id, Quantity.PV_ENERGY, t, Math.floor(pv.energyWh())));
            if (pv.model().array().curtailable()) {
                readings.add(reading(id, Quantity.DEVICE_COMMANDED, t, pv.commanded() ? 1 : 0));
            }
            commanded += pv.commanded() ? 1 : 0;
        }
        double soc = Double.NaN;
        for (int i = 0; i < batteries.size(); i++) {
            BatteryModel battery = batteries.get(i);
            DeviceId id = battery.spec().id();
            soc = battery.socPercent();
            readings.add(reading(id, Quantity.BATTERY_POWER, t, Math.round(batteryPower[i])));
            readings.add(reading(id, Quantity.BATTERY_SOC, t, Math.round(soc * 10) / 10.0));
            readings.add(reading(id, Quantity.DEVICE_COMMANDED, t, battery.commanded() ? 1 : 0));
            commanded += battery.commanded() ? 1 : 0;
        }
        int plugged = 0;
        double evSocSum = 0;
        for (int i = 0; i < evs.size(); i++) {
            EvModel ev = evs.get(i);
            DeviceId id = ev.charger().id();
            readings.add(reading(id, Quantity.EV_PLUGGED, t, ev.plugged() ? 1 : 0));
            readings.add(reading(id, Quantity.EV_POWER, t, Math.round(evPower[i])));
            if (ev.plugged()) {
                plugged++;
                evSocSum += ev.socPercent();
                readings.add(reading(id, Quantity.EV_SOC, t, Math.round(ev.socPercent() * 10) / 10.0));
            }
            readings.add(reading(id, Quantity.DEVICE_COMMANDED, t, ev.commanded() ? 1 : 0));
            commanded += ev.commanded() ? 1 : 0;
        }
        int fallbacksSoFar = 0;
        for (Controllable c : controllables.values()) {
            fallbacksSoFar += c.fallbacks();
        }
        int fallbacks = fallbacksSoFar - fallbacksSeen;
        fallbacksSeen = fallbacksSoFar;
        return new SiteStep(site.id(), t, pvW, loadW, batteryW, soc, evW, plugged, plugged == 0 ? Double.NaN : evSocSum / plugged,
                meterW, meter.importRegisterWh(), meter.exportRegisterWh(), commanded, fallbacks, replaced, readings);
    }

    /**
     * Executes or refuses {@code command} received at {@code now} (simulated time) and says which. A command
     * id already seen gets its first answer again and is not executed twice.
     */
    public synchronized CommandAck handle(Command command, Instant now) {
        CommandAck earlier = seenCommands.get(command.commandId());
        if (earlier != null) {
            return new CommandAck(earlier.commandId(), earlier.siteId(), earlier.status(), earlier.reason(), now);
        }
        String refusal = refusal(command, now);
        CommandAck ack = refusal == null
                ? new CommandAck(command.commandId(), site.id(), CommandAck.Status.ACCEPTED, "", now)
                : new CommandAck(command.commandId(), site.id(), CommandAck.Status.REJECTED, refusal, now);
        if (refusal == null) {
            Controllable device = controllables.get(command.device());
            if (command.action() == Command.Action.RESUME_AUTO) {
                device.fallBack(Fallback.RESUMED, now);
            } else {
                device.follow(new Setpoint(command.commandId(), command.setpointWatts().doubleValue(), command.validFrom(),
                        command.validUntil()));
            }
        }
        seenCommands.put(command.commandId(), ack);
        return ack;
    }

    /** The reason {@code command} is impossible here, or null when it can be executed. */
    private String refusal(Command command, Instant now) {
        if (!command.siteId().equals(site.id())) {
            return "command for site " + command.siteId() + " reached site " + site.id();
        }
        Asset asset = site.asset(command.device()).orElse(null);
        if (asset == null) {
            return "device " + command.device() + " is not registered at site " + site.id();
        }
        if (!command.validUntil().isAfter(now)) {
            return "command expired: validUntil " + command.validUntil() + " is not after the gateway's time " + now;
        }
        if (!controllables.containsKey(command.device())) {
            return "device " + command.device() + " cannot be controlled (a " + asset.getClass().getSimpleName() + ")";
        }
        long watts = command.setpointWatts().longValue();
        switch (command.action()) {
            case RESUME_AUTO:
                return null;
            case LIMIT_PV:
                if (!(asset instanceof PvArray pv)) {
                    return "LIMIT_PV applies to PV inverters; " + command.device() + " is not one";
                }
                return pv.curtailable() ? null : "PV " + command.device() + " may not be curtailed by the platform";
            case SET_POWER:
                if (asset instanceof Battery b) {
                    if (watts > b.maxCharge().watts()) {
                        return "setpoint " + watts + " W above the battery's " + b.maxCharge().watts() + " W charge rating";
                    }
                    if (-watts > b.maxDischarge().watts()) {
                        return "setpoint " + watts + " W beyond the battery's " + b.maxDischarge().watts() + " W discharge rating";
                    }
                    return null;
                }
                if (asset instanceof EvCharger c) {
                    EvModel ev = (EvModel) controllables.get(command.device());
                    if (!ev.plugged()) {
                        return "no vehicle plugged in at " + command.device();
                    }
                    if (watts < 0 && !c.v2x()) {
                        return "charger " + command.device() + " cannot discharge: it has no V2X";
                    }
                    if (watts > c.maxCharge().watts()) {
                        return "setpoint " + watts + " W above the charger's " + c.maxCharge().watts() + " W charge rating";
                    }
                    if (-watts > c.maxDischarge().watts()) {
                        return "setpoint " + watts + " W beyond the charger's " + c.maxDischarge().watts() + " W V2X rating";
                    }
                    return null;
                }
                return "SET_POWER applies to batteries and EV chargers; " + command.device() + " is neither";
            default:
                return "unknown action " + command.action();
        }
    }

    /** The gateway lost its connection: every device returns to its default mode, as a real one must. */
    public synchronized void connectionLost(Instant at) {
        for (Controllable c : controllables.values()) {
            c.fallBack(Fallback.CONNECTION_LOST, at);
        }
    }

    /** The site's shared vehicles, one per charger (read them between steps). */
    public List<EvModel> evs() {
        return java.util.Collections.unmodifiableList(evs);
    }

    /** Puts the site's shared vehicles into {@code out}, keyed {@code siteId/chargerId} as the registry names chargers. */
    public void evsInto(Map<String, EvModel> out) {
        evs.forEach(ev -> out.put(site.id().value() + "/" + ev.charger().id().value(), ev));
    }

    /** Departures so far and those with less energy than booked, over all the vehicles of these sites. */
    public static int[] evDepartures(Iterable<SiteModel> sites) {
        int[] sum = new int[2];
        for (SiteModel site : sites) {
            int[] d = site.evDepartures();
            sum[0] += d[0];
            sum[1] += d[1];
        }
        return sum;
    }

    /** Departures so far and those with less energy than booked, over all the site's vehicles. */
    public synchronized int[] evDepartures() {
        int all = 0;
        int shortOnes = 0;
        for (EvModel ev : evs) {
            all += ev.departures();
            shortOnes += ev.shortDepartures();
        }
        return new int[] {all, shortOnes};
    }

    public synchronized int meterRollovers() {
        return meter.rollovers();
    }

    private Reading reading(DeviceId device, Quantity quantity, Instant ts, double value) {
        return new Reading(site.id(), device, quantity, ts, value);
    }
}
