package org.aems.core.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Something an operator should know or act on.
 *
 * @param subject what it concerns, e.g. "ingest", a site id or a feeder id; one open alert per kind and subject
 */
public record Alert(AlertKind kind, Severity severity, String subject, String message, Instant raisedAt) {
    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }
}
