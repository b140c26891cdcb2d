package org.aems.optimizer.dispatch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.telemetry.Command;

/**
 * A command as the platform recorded it: what was sent, by whom (the optimizer or an operator), for which
 * bank's plan, and what became of it.
 */
public record DispatchedCommand(Command command, String issuedBy, Optional<String> bank, CommandStatus status,
                                Optional<String> reason, Optional<Instant> sentAt, Optional<Instant> ackedAt) {
    public DispatchedCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(ackedAt, "ackedAt");
    }
}
