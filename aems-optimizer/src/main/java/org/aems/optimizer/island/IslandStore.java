package org.aems.optimizer.island;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.grid.FeederId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code island}: which feeders are islanded, since when, by whom, and their last report. */
public final class IslandStore {

    private final JdbcClient jdbc;

    public IslandStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Declares a feeder islanded; refused (with the existing declaration in the message) if it already is. */
    public Island declare(FeederId feeder, String by, String reason, Instant at) {
        try {
            long id = jdbc.sql("INSERT INTO island (feeder_id, declared_at, declared_by, reason) VALUES (?, ?, ?, ?) RETURNING id")
                    .params(feeder.value(), Timestamp.from(at), by, reason).query(Long.class).single();
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            Island open = open(feeder).orElseThrow();
            throw new AlreadyIslandedException("feeder " + feeder + " is already islanded since " + open.declaredAt() + " (declared by "
                    + open.declaredBy() + "); end that island first");
        }
    }

    /** Ends a feeder's island; empty if it was not islanded. */
    public Optional<Island> end(FeederId feeder, String by, Instant at) {
        return jdbc.sql("UPDATE island SET ended_at = ?, ended_by = ? WHERE feeder_id = ? AND ended_at IS NULL RETURNING id")
                .params(Timestamp.from(at), by, feeder.value()).query(Long.class).optional().flatMap(this::find);
    }

    public Optional<Island> open(FeederId feeder) {
        return jdbc.sql("SELECT * FROM island WHERE feeder_id = ? AND ended_at IS NULL").param(feeder.value())
                .query((rs, n) -> island(rs)).optional();
    }

    /** Islands in force, oldest first. */
    public List<Island> open() {
        return jdbc.sql("SELECT * FROM island WHERE ended_at IS NULL ORDER BY declared_at, id").query((rs, n) -> island(rs)).list();
    }

    public void report(long island, String json, Instant at) {
        jdbc.sql("UPDATE island SET report = CAST(? AS jsonb), reported_at = ? WHERE id = ?").params(json, Timestamp.from(at), island).update();
    }

    public Optional<Island> find(long id) {
        return jdbc.sql("SELECT * FROM island WHERE id = ?").param(id).query((rs, n) -> island(rs)).optional();
    }

    private static Island island(ResultSet rs) throws SQLException {
        return new Island(rs.getLong("id"), rs.getString("feeder_id"), rs.getTimestamp("declared_at").toInstant(), rs.getString("declared_by"),
                rs.getString("reason"), Optional.ofNullable(rs.getTimestamp("ended_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("ended_by")), Optional.ofNullable(rs.getString("report")),
                Optional.ofNullable(rs.getTimestamp("reported_at")).map(Timestamp::toInstant));
    }
}
