package org.aems.optimizer.dispatch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.CommandAck;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code dispatch_command}: the outbox of commands and the record of what became of each. */
public final class CommandStore {

    private static final String COLUMNS = """
            command_id, site_id, device_id, action, setpoint_w, valid_from, valid_until, issued_at, issued_by, bank_id,
            status, reason, sent_at, acked_at""";

    private final JdbcClient jdbc;

    public CommandStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Stores commands as PENDING; a command id already stored is left as it is (re-dispatching the same plan
     * sends nothing twice). Returns how many were new.
     */
    public int savePending(Collection<Command> commands, String issuedBy, Optional<String> bank) {
        if (commands.isEmpty()) {
            return 0;
        }
        // One statement for a whole plan (thousands of devices at city scale), not a round trip per command.
        List<Command> list = List.copyOf(commands);
        return jdbc.sql("""
                        INSERT INTO dispatch_command (command_id, site_id, device_id, action, setpoint_w, valid_from, valid_until,
                                                      issued_at, issued_by, bank_id, status)
                        SELECT c.*, ?, ?, 'PENDING'
                        FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]),
                                    CAST(? AS timestamptz[]), CAST(? AS timestamptz[]), CAST(? AS timestamptz[]))
                             AS c(command_id, site_id, device_id, action, setpoint_w, valid_from, valid_until, issued_at)
                        ON CONFLICT (command_id) DO NOTHING""")
                .params(issuedBy, bank.orElse(null),
                        list.stream().map(Command::commandId).toArray(String[]::new),
                        list.stream().map(c -> c.siteId().value()).toArray(String[]::new),
                        list.stream().map(c -> c.device().value()).toArray(String[]::new),
                        list.stream().map(c -> c.action().name()).toArray(String[]::new),
                        list.stream().map(c -> c.setpointWatts().longValueExact()).toArray(Long[]::new),
                        list.stream().map(c -> Timestamp.from(c.validFrom())).toArray(Timestamp[]::new),
                        list.stream().map(c -> Timestamp.from(c.validUntil())).toArray(Timestamp[]::new),
                        list.stream().map(c -> Timestamp.from(c.issuedAt())).toArray(Timestamp[]::new))
                .update();
    }

    /** PENDING commands still valid at {@code now}, oldest first: what must (still) be published. */
    public List<Command> pendingValidAt(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_command WHERE status = 'PENDING' AND valid_until > ? "
                        + "ORDER BY issued_at, command_id LIMIT ?")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> command(rs)).list();
    }

    /** A command the broker acknowledged (PUBACK), and when. */
    public record Sent(String commandId, Instant at) {
        public Sent {
            java.util.Objects.requireNonNull(commandId, "commandId");
            java.util.Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The broker has the commands: SENT, each with the time of its own PUBACK, in one statement. An acknowledgement
     * recorded by another instance may have overtaken the PUBACK; then the status stays and only the send time is
     * filled in.
     */
    public void markSent(Collection<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE dispatch_command d SET sent_at = coalesce(d.sent_at, s.at),
                               status = CASE WHEN d.status = 'PENDING' THEN 'SENT' ELSE d.status END
                        FROM unnest(CAST(? AS text[]), CAST(? AS timestamptz[])) AS s(command_id, at)
                        WHERE d.command_id = s.command_id""")
                .params(sent.stream().map(Sent::commandId).toArray(String[]::new),
                        sent.stream().map(s -> Timestamp.from(s.at())).toArray(Timestamp[]::new))
                .update();
    }

    /**
     * Records the gateway's answer. A late acknowledgement still counts (NO_ACK becomes ACCEPTED); a repeated
     * one changes nothing. False when no such command was sent to that site (an unknown or foreign id).
     */
    public boolean recordAck(CommandAck ack, Instant receivedAt) {
        int updated = jdbc.sql("""
                        UPDATE dispatch_command SET status = ?, reason = ?, acked_at = ?
                        WHERE command_id = ? AND site_id = ? AND status IN ('PENDING', 'SENT', 'NO_ACK')""")
                .params(ack.status().name(), ack.reason().isBlank() ? null : ack.reason(), Timestamp.from(receivedAt),
                        ack.commandId(), ack.siteId().value())
                .update();
        return updated > 0 || find(ack.commandId()).filter(c -> c.command().siteId().equals(ack.siteId())).isPresent();
    }

    /** SENT commands without an answer since before {@code sentBefore} become NO_ACK. Returns how many. */
    public int markUnacknowledged(Instant sentBefore, String reason) {
        return jdbc.sql("UPDATE dispatch_command SET status = 'NO_ACK', reason = ? WHERE status = 'SENT' AND sent_at < ?")
                .params(reason, Timestamp.from(sentBefore)).update();
    }

    /** PENDING commands whose validity ended before they could be sent become EXPIRED. Returns how many. */
    public int expirePending(Instant now) {
        return jdbc.sql("UPDATE dispatch_command SET status = 'EXPIRED', reason = ? WHERE status = 'PENDING' AND valid_until <= ?")
                .params("validity ended before the broker could take it (broker unreachable?)", Timestamp.from(now)).update();
    }

    public Optional<DispatchedCommand> find(String commandId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_command WHERE command_id = ?").param(commandId)
                .query((rs, n) -> dispatched(rs)).optional();
    }

    /** A page of commands, newest first, optionally for one site and one status. */
    public List<DispatchedCommand> page(Optional<SiteId> site, Optional<CommandStatus> status, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_command WHERE (CAST(? AS text) IS NULL OR site_id = ?) "
                        + "AND (CAST(? AS text) IS NULL OR status = ?) ORDER BY issued_at DESC, command_id LIMIT ? OFFSET ?")
                .params(site.map(SiteId::value).orElse(null), site.map(SiteId::value).orElse(null),
                        status.map(Enum::name).orElse(null), status.map(Enum::name).orElse(null), limit, offset)
                .query((rs, n) -> dispatched(rs)).list();
    }

    public long count(Optional<SiteId> site, Optional<CommandStatus> status) {
        return jdbc.sql("SELECT count(*) FROM dispatch_command WHERE (CAST(? AS text) IS NULL OR site_id = ?) "
                        + "AND (CAST(? AS text) IS NULL OR status = ?)")
                .params(site.map(SiteId::value).orElse(null), site.map(SiteId::value).orElse(null),
                        status.map(Enum::name).orElse(null), status.map(Enum::name).orElse(null))
                .query(Long.class).single();
    }

    /**
     * Sites with a command refused, failed or unanswered, issued at or after {@code since}: the optimizer
     * treats their devices as not controllable until they follow again.
     */
    public Set<SiteId> sitesNotFollowingSince(Instant since) {
        return jdbc.sql("SELECT DISTINCT site_id FROM dispatch_command WHERE issued_at >= ? AND status IN ('REJECTED', 'FAILED', 'NO_ACK')")
                .param(Timestamp.from(since))
                .query((rs, n) -> SiteId.of(rs.getString(1))).set(); // set(), not stream(): an unclosed stream keeps its connection
    }

    private static Command command(ResultSet rs) throws SQLException {
        return new Command(rs.getString("command_id"), SiteId.of(rs.getString("site_id")), DeviceId.of(rs.getString("device_id")),
                Command.Action.valueOf(rs.getString("action")), BigDecimal.valueOf(rs.getLong("setpoint_w")),
                rs.getTimestamp("valid_from").toInstant(), rs.getTimestamp("valid_until").toInstant(),
                rs.getTimestamp("issued_at").toInstant());
    }

    private static DispatchedCommand dispatched(ResultSet rs) throws SQLException {
        return new DispatchedCommand(command(rs), rs.getString("issued_by"), Optional.ofNullable(rs.getString("bank_id")),
                CommandStatus.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("reason")),
                instant(rs, "sent_at"), instant(rs, "acked_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }
}
