package org.aems.optimizer.dispatch;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many QoS 1 publishes may await their PUBACK at once. The limit follows the broker's Receive Maximum,
 * which may change with every connect, so it can be resized while publishes are in flight: a smaller limit
 * holds new publishes back until enough PUBACKs have come in.
 */
final class PublishWindow {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int limit;
    private int inFlight;

    PublishWindow(int limit) {
        resize(limit);
    }

    void resize(int newLimit) {
        resize(newLimit, false);
    }

    /**
     * A new connection: a clean session forgets the old one's publishes, and Paho may never answer them, so they
     * no longer count (a late answer frees nothing below zero).
     */
    void reset(int newLimit) {
        resize(newLimit, true);
    }

    private void resize(int newLimit, boolean forgetInFlight) {
        if (newLimit < 1) {
            throw new IllegalArgumentException("a publish window holds at least 1 publish, not " + newLimit);
        }
        lock.lock();
        try {
            limit = newLimit;
            if (forgetInFlight) {
                inFlight = 0;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes a place in the window, waiting at most {@code timeout} for one to free up. False when none did. */
    boolean acquire(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (inFlight >= limit) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Frees a place: the publish was acknowledged, failed, or never left. */
    void release() {
        lock.lock();
        try {
            if (inFlight > 0) {
                inFlight--;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing is in flight, at most {@code timeout}. False when publishes are still unanswered. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** The window for a broker's Receive Maximum: four fifths of it (Paho refuses publishes near the limit), capped. */
    static int sizeFor(int receiveMaximum, int cap) {
        return Math.max(1, Math.min(cap, receiveMaximum - receiveMaximum / 5));
    }

}
