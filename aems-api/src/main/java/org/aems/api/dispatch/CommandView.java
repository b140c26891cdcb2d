package org.aems.api.dispatch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.aems.core.time.Jst;
import org.aems.optimizer.dispatch.DispatchedCommand;

/** A command as sent and what became of it; times in JST. */
public record CommandView(String commandId, String siteId, String device, String action, BigDecimal setpointW,
                          OffsetDateTime validFrom, OffsetDateTime validUntil, OffsetDateTime issuedAt, String issuedBy, String bank,
                          String status, String reason, OffsetDateTime sentAt, OffsetDateTime ackedAt) {

    static CommandView of(DispatchedCommand c) {
        return new CommandView(c.command().commandId(), c.command().siteId().value(), c.command().device().value(),
                c.command().action().name(), c.command().setpointWatts(), jst(c.command().validFrom()),
                jst(c.command().validUntil()), jst(c.command().issuedAt()), c.issuedBy(), c.bank().orElse(null),
                c.status().name(), c.reason().orElse(null), c.sentAt().map(CommandView::jst).orElse(null),
                c.ackedAt().map(CommandView::jst).orElse(null));
    }

    static OffsetDateTime jst(java.time.Instant instant) {
        return Jst.toJst(instant).toOffsetDateTime();
    }

    /** One page of commands, newest first. */
    public record Page(long total, int page, int size, java.util.List<CommandView> commands) {
    }
}
