package org.aems.core.grid;

/** Identifies a device; see {@code Ids} for the allowed characters. */
public record DeviceId(String value) implements Comparable<DeviceId> {

    public DeviceId {
        Ids.check("device", value);
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    @Override
    public int compareTo(DeviceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
