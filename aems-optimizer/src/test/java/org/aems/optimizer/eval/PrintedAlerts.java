package org.aems.optimizer.eval;

import java.time.Instant;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;

/** The evaluations' alert seam: every alert raised is printed to stderr with the run's tag. */
record PrintedAlerts(String tag) implements AlertSink {

    @Override
    public void raise(Alert alert) {
        System.err.println("[" + tag + "] alert " + alert.kind() + ": " + alert.message());
    }

    @Override
    public void resolve(AlertKind kind, String subject, Instant at) {
    }
}
