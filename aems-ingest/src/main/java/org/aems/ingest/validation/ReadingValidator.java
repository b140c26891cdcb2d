package org.aems.ingest.validation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aems.core.grid.Site;
import org.aems.core.telemetry.DecodeResult;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.Rejection;
import org.aems.core.telemetry.RejectionReason;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.core.telemetry.TelemetryMessage;

/**
 * Checks a decoded message against what the wire format alone cannot know: the registry and the
 * clock. Returns the readings to store and every rejection; a bad reading never sinks its message.
 */
public final class ReadingValidator {

    private final RegisteredSites sites;
    private final Clock clock;
    private final ValidationSettings settings;
    private final AssetPlausibility plausibility = new AssetPlausibility();

    public ReadingValidator(RegisteredSites sites, Clock clock, ValidationSettings settings) {
        this.sites = sites;
        this.clock = clock;
        this.settings = settings;
    }

    public DecodeResult validate(DecodeResult.Decoded decoded) {
        TelemetryMessage message = decoded.message();
        Optional<Site> site = sites.find(message.siteId());
        if (site.isEmpty()) {
            return new DecodeResult.Refused(Rejection.ofMessage(RejectionReason.UNKNOWN_SITE, "site '" + message.siteId()
                    + "' is not registered; import it with POST /api/v1/registry/import before its gateway publishes"));
        }
        Instant now = clock.instant();
        Instant latest = now.plus(settings.maxClockSkew());
        Instant earliest = now.minus(settings.maxAge());
        List<Reading> accepted = new ArrayList<>(message.readings().size());
        List<Rejection> rejected = new ArrayList<>(decoded.rejectedReadings());
        // Indexes refer to the payload's array; accepted readings keep their payload order.
        List<Integer> acceptedIndexes = acceptedIndexes(decoded);
        for (int i = 0; i < message.readings().size(); i++) {
            Reading reading = message.readings().get(i);
            int index = acceptedIndexes.get(i);
            if (reading.timestamp().isAfter(latest)) {
                rejected.add(Rejection.ofReading(index, RejectionReason.TIMESTAMP_IN_FUTURE, "ts "
                        + TelemetryCodec.format(reading.timestamp()) + " is more than " + settings.maxClockSkew().toMinutes()
                        + " min ahead of the server clock (" + TelemetryCodec.format(now) + "); synchronise the gateway clock (NTP)"));
            } else if (reading.timestamp().isBefore(earliest)) {
                rejected.add(Rejection.ofReading(index, RejectionReason.TIMESTAMP_TOO_OLD, "ts "
                        + TelemetryCodec.format(reading.timestamp()) + " is older than the " + settings.maxAge().toDays()
                        + "-day telemetry retention"));
            } else {
                Optional<String> implausible = plausibility.violation(site.get(), reading);
                if (implausible.isPresent()) {
                    rejected.add(Rejection.ofReading(index, RejectionReason.VALUE_OUT_OF_RANGE, implausible.get()));
                } else {
                    accepted.add(reading);
                }
            }
        }
        return new DecodeResult.Decoded(new TelemetryMessage(message.messageId(), message.siteId(), message.sentAt(), accepted),
                rejected);
    }

    /**
     * Payload positions of the decoded readings: the positions no rejection took, in order. Exact for
     * telemetry (one reading per array element); for ECHONET Lite frames, where one property can give
     * 48 readings, an approximation that never fails.
     */
    private static List<Integer> acceptedIndexes(DecodeResult.Decoded decoded) {
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (Rejection r : decoded.rejectedReadings()) {
            taken.add(r.readingIndex());
        }
        List<Integer> indexes = new ArrayList<>(decoded.message().readings().size());
        for (int i = 0; indexes.size() < decoded.message().readings().size(); i++) {
            if (!taken.contains(i)) {
                indexes.add(i);
            }
        }
        return indexes;
    }
}
