package org.aems.api.config;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one shape of every error the API returns: RFC 9457 with a stable {@code reason} code. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://aems.example/problems/" + reason.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("reason", reason);
        return problem;
    }
}
