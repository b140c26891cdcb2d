package org.aems.simulators.ev;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aems.core.time.Jst;
import org.aems.simulators.random.Noise;

/**
 * One shared vehicle's reservations, drawn per JST day from the seed: a Poisson number of trips
 * (mean {@code tripsPerDay}), departures between 07:00 and 20:00, 1–5 hours out, back by 23:30, at least
 * 45 minutes plugged in between two trips; energy used around {@code energyPerTripWh}, and the member
 * books 20 % more than the trip will use.
 */
public final class BookingSchedule {

    private static final long MIN_GAP_SECONDS = 45 * 60;
    private final long seed;
    private final long key;
    private final double tripsPerDay;
    private final double energyPerTripWh;
    private final double batteryWh;
    private final Map<LocalDate, List<Booking>> days = new ConcurrentHashMap<>();

    public BookingSchedule(long seed, long key, double tripsPerDay, double energyPerTripWh, double batteryWh) {
        this.seed = seed;
        this.key = key;
        this.tripsPerDay = tripsPerDay;
        this.energyPerTripWh = energyPerTripWh;
        this.batteryWh = batteryWh;
    }

    public List<Booking> on(LocalDate day) {
        return days.computeIfAbsent(day, this::draw);
    }

    /** The booking the vehicle is out on at {@code t}. */
    public Optional<Booking> current(Instant t) {
        for (Booking b : on(t.atZone(Jst.ZONE).toLocalDate())) {
            if (b.awayAt(t)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The next departure at or after {@code t}, looking up to two days ahead. */
    public Optional<Booking> next(Instant t) {
        LocalDate day = t.atZone(Jst.ZONE).toLocalDate();
        for (int i = 0; i < 3; i++) {
            for (Booking b : on(day.plusDays(i))) {
                if (!b.departure().isBefore(t)) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    private List<Booking> draw(LocalDate day) {
        long d = day.toEpochDay();
        int trips = poisson(tripsPerDay, Noise.uniform(seed, key, d));
        List<long[]> windows = new ArrayList<>();
        long midnight = day.atStartOfDay(Jst.ZONE).toEpochSecond();
        for (int i = 0; i < trips; i++) {
            long departure = midnight + (long) ((7 + 13 * Noise.uniform(seed, key ^ (i + 1), d)) * 3600) / 300 * 300;
            double u = Noise.uniform(seed, key ^ (i + 101), d);
            long back = Math.min(departure + (long) ((1 + 4 * u * u) * 3600) / 300 * 300, midnight + 23 * 3600 + 1800);
            windows.add(new long[] {departure, back, i});
        }
        windows.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Booking> bookings = new ArrayList<>();
        long free = Long.MIN_VALUE;
        for (long[] w : windows) {
            if (w[0] < free || w[1] <= w[0]) {
                continue; // the car is out or just back: this member booked another vehicle
            }
            double used = Math.min(0.8 * batteryWh, energyPerTripWh * (0.4 + 1.2 * Noise.uniform(seed, key ^ (w[2] + 201), d)));
            bookings.add(new Booking(Instant.ofEpochSecond(w[0]), Instant.ofEpochSecond(w[1]),
                    Math.min(0.95 * batteryWh, used * 1.2), used));
            free = w[1] + MIN_GAP_SECONDS;
        }
        return List.copyOf(bookings);
    }

    private static int poisson(double mean, double u) {
        double p = Math.exp(-mean);
        double cumulative = p;
        int k = 0;
        while (u > cumulative && k < 24) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }
}
