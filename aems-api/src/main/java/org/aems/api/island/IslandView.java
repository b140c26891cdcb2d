package org.aems.api.island;

import java.time.OffsetDateTime;
import org.aems.core.time.Jst;
import org.aems.optimizer.island.Island;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An islanded feeder: who declared it and why, and the optimizer's last report (hours of autonomy, what is served). */
public record IslandView(long id, String feeder, OffsetDateTime declaredAt, String declaredBy, String reason, OffsetDateTime endedAt,
                         String endedBy, JsonNode report, OffsetDateTime reportedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static IslandView of(Island i) {
        return new IslandView(i.id(), i.feeder(), jst(i.declaredAt()), i.declaredBy(), i.reason(), i.endedAt().map(IslandView::jst).orElse(null),
                i.endedBy().orElse(null), i.reportJson().map(JSON::readTree).orElse(null), i.reportedAt().map(IslandView::jst).orElse(null));
    }

    private static OffsetDateTime jst(java.time.Instant instant) {
        return Jst.toJst(instant).toOffsetDateTime();
    }

    /** What an operator sends to declare a feeder islanded. */
    public record Declaration(String declaredBy, String reason) {
    }

    /** What an operator sends to end an island. */
    public record Ending(String endedBy) {
    }
}
