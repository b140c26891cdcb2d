package org.aems.api.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process simulator of the embedded default (prefix {@code aems.simulator}).
 *
 * @param enabled      default false; the embedded default turns it on
 * @param region       bundled region name (e.g. "demo") or region file path
 * @param importRegion import the region into the registry at start, so its sites are known to ingest
 * @param brokerUrl    where the simulated gateways publish
 * @param interval     time between two messages of a site
 * @param sites        play only the first N sites (0 = all)
 * @param username     broker account of every simulated connection (the embedded default sets aems-simulator and a
 *                     password generated at start); null: each site's id, no password
 * @param password     its password
 * @param start        simulated time at the start, a JST date (2026-05-12) or ISO-8601 with offset; null: now
 * @param catchUp      with a start in the past: play at {@code speed} until the simulated clock reaches the app's clock,
 *                     then in real time
 * @param registers    file that keeps the simulated meters' registers between runs (the embedded default: under its
 *                     data directory), so a restart does not send registers below what ingest stored; null: none
 */
@ConfigurationProperties("aems.simulator")
public record SimulatorProperties(@DefaultValue("false") boolean enabled, @DefaultValue("demo") String region,
                                  @DefaultValue("true") boolean importRegion,
                                  @DefaultValue("tcp://127.0.0.1:1884") String brokerUrl,
                                  @DefaultValue("5s") Duration interval, @DefaultValue("0") int sites,
                                  @DefaultValue("1") double speed, @DefaultValue("42") long seed, String username,
                                  String password, String start, @DefaultValue("false") boolean catchUp, Path registers) {

    @Override
    public String toString() {
        return "SimulatorProperties[region=" + region + ", brokerUrl=" + brokerUrl + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + "]";
    }
}
