package org.aems.simulators.random;

/**
 * Stateless, seeded randomness: every value is a hash of (seed, keys), so a run is the same whatever the
 * step size, the order in which sites are stepped or the thread that steps them. SplitMix64 finaliser.
 */
public final class Noise {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Noise() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long hash(long seed, long a, long b) {
        return mix(mix(mix(seed + GOLDEN) + a * GOLDEN) + b);
    }

    /** Uniform in [0, 1). */
    public static double uniform(long seed, long a, long b) {
        return (hash(seed, a, b) >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box–Muller on two hashes). */
    public static double gaussian(long seed, long a, long b) {
        double u1 = Math.max(1e-12, uniform(seed, a, b));
        double u2 = uniform(seed ^ 0x5DEECE66DL, a, b);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Smooth standard-normal-ish noise over {@code t} (in knots): a Gaussian value at each whole knot,
     * smoothstep-interpolated between them, so neighbouring instants are correlated and it never jumps.
     */
    public static double smooth(long seed, long key, double t) {
        long k = (long) Math.floor(t);
        double f = t - k;
        double s = f * f * (3 - 2 * f);
        double a = gaussian(seed, key, k);
        double b = gaussian(seed, key, k + 1);
        return a + (b - a) * s;
    }

    /** A stable 64-bit key for a string, e.g. a site id. */
    public static long key(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return mix(h);
    }
}
