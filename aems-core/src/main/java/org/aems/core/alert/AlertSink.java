package org.aems.core.alert;

import java.time.Instant;

/**
 * The one seam every part of AEMS raises alerts through; the dashboard shows them and forwards them
 * (webhook, e-mail). Raising an alert that is already open for the same kind and subject counts an
 * occurrence instead of opening a second one.
 */
public interface AlertSink {

    void raise(Alert alert);

    /** Closes the open alert of this kind and subject, if there is one. */
    void resolve(AlertKind kind, String subject, Instant at);
}
