package org.aems.optimizer.dispatch;

import java.util.Objects;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;

/**
 * A controllable device, named in the model as {@code siteId/deviceId} (the id of its storage unit or EV
 * booking), so a solved schedule leads back to the gateway and device a command goes to.
 */
public record AssetRef(SiteId site, DeviceId device) {

    public AssetRef {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(device, "device");
    }

    public static AssetRef parse(String modelId) {
        int slash = modelId.indexOf('/');
        if (slash <= 0 || slash == modelId.length() - 1) {
            throw new IllegalArgumentException("model id '" + modelId + "' is not siteId/deviceId");
        }
        return new AssetRef(SiteId.of(modelId.substring(0, slash)), DeviceId.of(modelId.substring(slash + 1)));
    }

    public String modelId() {
        return site.value() + "/" + device.value();
    }
}
