package org.aems.api.config;

import org.aems.api.security.BodySizeLimitFilter;
import org.aems.api.security.SecurityRequestException;
import org.aems.api.series.SeriesFileException;
import org.aems.api.settlement.CertifiedFileException;
import org.aems.api.settlement.RunNotFoundException;
import org.aems.api.settlement.RunRejectedException;
import org.aems.api.settlement.RunStateException;
import org.aems.api.site.SiteNotFoundException;
import org.aems.core.settlement.SettlementInputException;
import org.aems.core.region.RegionFileException;
import org.aems.optimizer.island.AlreadyIslandedException;
import org.aems.optimizer.runtime.NotEnoughHistoryException;
import org.aems.ingest.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every API error as an RFC 9457 problem detail with a stable {@code reason} code. "Your request is
 * wrong" (4xx, with what to change) is kept apart from "we failed" (5xx, nothing internal leaked).
 */
// Ahead of Spring's own problem-details handler, so our reason codes and hints win where both apply.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(SiteNotFoundException.class)
    ProblemDetail siteNotFound(SiteNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "SITE_NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(SecurityRequestException.class)
    ProblemDetail securityRequest(SecurityRequestException e) {
        return problem(HttpStatus.valueOf(e.status()), e.reason(), e.getMessage());
    }

    @ExceptionHandler(BodySizeLimitFilter.BodyTooLargeException.class)
    ProblemDetail bodyTooLarge(BodySizeLimitFilter.BodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.reason(), e.getMessage());
    }

    @ExceptionHandler(NotEnoughHistoryException.class)
    ProblemDetail notEnoughHistory(NotEnoughHistoryException e) {
        return problem(HttpStatus.CONFLICT, "NOT_ENOUGH_HISTORY", e.getMessage());
    }

    @ExceptionHandler(AlreadyIslandedException.class)
    ProblemDetail alreadyIslanded(AlreadyIslandedException e) {
        return problem(HttpStatus.CONFLICT, "ALREADY_ISLANDED", e.getMessage());
    }

    @ExceptionHandler(RunNotFoundException.class)
    ProblemDetail runNotFound(RunNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "RUN_NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(RunRejectedException.class)
    ProblemDetail runRejected(RunRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "SETTLEMENT_INPUT_INVALID", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(SeriesFileException.class)
    ProblemDetail seriesFile(SeriesFileException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "SERIES_FILE_INVALID", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(SettlementInputException.class)
    ProblemDetail settlementInput(SettlementInputException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.reason().name(), e.getMessage());
    }

    @ExceptionHandler(CertifiedFileException.class)
    ProblemDetail certifiedFile(CertifiedFileException e) {
        return problem(HttpStatus.BAD_REQUEST, "CERTIFIED_FILE_INVALID", e.getMessage());
    }

    @ExceptionHandler(RunStateException.class)
    ProblemDetail runState(RunStateException e) {
        return problem(HttpStatus.valueOf(e.status()), e.reason(), e.getMessage());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "MISSING_HEADER", "header '" + e.getHeaderName() + "' is required");
    }

    @ExceptionHandler(RegionFileException.class)
    ProblemDetail invalidRegion(RegionFileException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "INVALID_REGION_FILE",
                "the region file has " + e.problems().size() + " problem(s); nothing was imported");
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidParameter(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", e.getMessage());
    }

    /** A body that is not JSON, or whose field has the wrong type: say which field, never the Java type behind it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge);
            }
        }
        String where = "";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty()) {
                where = " at field '" + d.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(java.util.stream.Collectors.joining(".")) + "'";
                break;
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "INVALID_BODY", "the request body is not valid JSON for this endpoint" + where
                + "; see the schema in /v3/api-docs");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : hint(e.getRequiredType());
        return problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "parameter '" + e.getName() + "' must be " + expected + ", was '" + e.getValue() + "'");
    }

    @ExceptionHandler(StoreException.class)
    ProblemDetail storeFailed(StoreException e) {
        log.error("database operation failed: {}", e.getMessage(), e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE",
                "the database is not available; retry later (see /actuator/health)");
    }

    private static String hint(Class<?> type) {
        if (type == java.time.OffsetDateTime.class) {
            return "an ISO-8601 timestamp with offset, e.g. 2026-05-12T12:00:00+09:00";
        }
        if (type == int.class || type == Integer.class) {
            return "an integer";
        }
        return "a " + type.getSimpleName();
    }

    static ProblemDetail problem(HttpStatus status, String reason, String detail) {
        return Problems.of(status, reason, detail);
    }

}
