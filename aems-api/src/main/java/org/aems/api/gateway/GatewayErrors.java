package org.aems.api.gateway;

import org.aems.api.config.Problems;
import org.aems.ingest.brokerauth.BrokerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The broker-account errors as RFC 9457 problem details (config.ApiErrors handles the rest). */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = GatewayController.class)
class GatewayErrors {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    @ExceptionHandler(BrokerUnavailableException.class)
    ProblemDetail brokerUnavailable(BrokerUnavailableException e) {
        log.error("a broker account change was not applied: {}", e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "BROKER_UNAVAILABLE", "the MQTT broker did not confirm the change, so nothing "
                + "was changed; check the broker and aems.ingest.broker-auth.dynamic-security, then retry");
    }

    @ExceptionHandler(DynamicSecurityNotConfiguredException.class)
    ProblemDetail notConfigured(DynamicSecurityNotConfiguredException e) {
        return Problems.of(HttpStatus.CONFLICT, "DYNAMIC_SECURITY_NOT_CONFIGURED", e.getMessage());
    }
}
