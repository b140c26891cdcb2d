package org.aems.api.alert;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An alert as the API and the dashboard show it; times ISO-8601 in JST, absent when not (yet) so. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(long id, String kind, String severity, String subject, String message, String raisedAt, String lastSeen,
                        int occurrences, String resolvedAt, String acknowledgedAt, String acknowledgedBy) {
}
