package org.aems.core.echonet;

import java.util.Objects;
import org.aems.core.grid.DeviceId;

/** The scale a meter reported, to remember for its later frames. */
public record DeviceScale(DeviceId device, MeterScale scale) {

    public DeviceScale {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(scale, "scale");
    }
}
