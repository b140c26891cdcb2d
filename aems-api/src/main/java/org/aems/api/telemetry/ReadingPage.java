package org.aems.api.telemetry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Readings of one site in [from, to), ordered by (ts, device, quantity).
 *
 * @param next the URL of the next page, absent on the last one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadingPage(String siteId, String from, String to, List<ReadingView> readings, String next) {
}
