package org.aems.api.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Refusals that say something about a caller go to the audit log: a signed-in caller refused an endpoint (403)
 * and a credential that did not check out (a bad password, a wrong, unknown or revoked key). Anonymous calls to
 * closed endpoints are only counted — a scanner would otherwise write the log full; the rate limit bounds both.
 * Counter {@code aems_security_refusals_total{reason}}.
 */
@Component
class RefusalLog {

    private final AuditLog audit;
    private final MeterRegistry meters;

    RefusalLog(AuditLog audit, MeterRegistry meters) {
        this.audit = audit;
        this.meters = meters;
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication auth = event.getAuthentication().get();
        boolean anonymous = Principals.of(auth).isEmpty();
        meters.counter("aems.security.refusals", "reason", anonymous ? "unauthenticated" : "forbidden").increment();
        if (!anonymous && event.getObject() instanceof HttpServletRequest request) {
            audit.record(auth.getName(), "ACCESS_DENIED", request.getRequestURI(), Map.of("method", request.getMethod()));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        meters.counter("aems.security.refusals", "reason", "invalid_credentials").increment();
        Object presented = event.getAuthentication().getPrincipal();
        String who = presented instanceof String s ? s : String.valueOf(event.getAuthentication().getName());
        audit.record("unauthenticated", "AUTHENTICATION_FAILED", who.length() > 128 ? who.substring(0, 128) : who,
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }
}
