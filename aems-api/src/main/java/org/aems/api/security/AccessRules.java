package org.aems.api.security;

import static org.aems.api.security.Role.ADMIN;
import static org.aems.api.security.Role.BILLING;
import static org.aems.api.security.Role.DISPATCHER;
import static org.aems.api.security.Role.OPERATOR;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what, in one table, first match wins; anything not listed is refused to everyone (so a new
 * endpoint is closed until someone decides who needs it). docs/security.md shows the same table; SecurityIT
 * checks every endpoint against its own copy of it.
 */
final class AccessRules {

    /** One row: a method (null = any) and path pattern, and the roles allowed (empty = public). */
    record Rule(HttpMethod method, String pattern, Set<Role> roles) {
        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }

        boolean isPublic() {
            return roles.isEmpty();
        }
    }

    private static final Set<Role> OPERATIONS = EnumSet.of(OPERATOR, DISPATCHER);
    private static final Set<Role> AGGREGATES = EnumSet.of(OPERATOR, DISPATCHER, BILLING, ADMIN);
    private static final Set<Role> SETTLEMENT = EnumSet.of(BILLING, ADMIN);
    private static final Set<Role> PUBLIC = Set.of();

    static final List<Rule> RULES = List.of(
            // The landing page, API reference, sign-in and liveness: no data behind them.
            rule(HttpMethod.GET, "/", PUBLIC),
            rule(HttpMethod.GET, "/index.html", PUBLIC),
            rule(HttpMethod.GET, "/favicon.ico", PUBLIC),
            rule(HttpMethod.GET, "/webjars/**", PUBLIC),
            // The dashboard's own files (HTML, scripts, translations); its data comes from the API below.
            rule(HttpMethod.GET, "/dashboard/**", PUBLIC),
            rule(null, "/login", PUBLIC),
            rule(null, "/error", PUBLIC),
            rule(HttpMethod.GET, "/v3/api-docs/**", PUBLIC),
            rule(HttpMethod.GET, "/swagger-ui.html", PUBLIC),
            rule(HttpMethod.GET, "/swagger-ui/**", PUBLIC),
            rule(HttpMethod.GET, "/actuator/health/**", PUBLIC),
            // Open data: regional aggregates behind a minimum group size, for everyone.
            rule(HttpMethod.GET, "/api/v1/public/**", PUBLIC),
            rule(HttpMethod.GET, "/actuator/**", EnumSet.of(OPERATOR, ADMIN)),
            // Administration: people, clients, credentials, audit, the registry.
            rule(null, "/api/v1/admin/**", EnumSet.of(ADMIN)),
            rule(HttpMethod.POST, "/api/v1/registry/import", EnumSet.of(ADMIN)),
            // Operations: per-site data, plans, dispatch; changing what devices do is DISPATCHER's.
            rule(HttpMethod.GET, "/api/v1/sites/**", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/banks/**", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/plans/**", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/balancing-plan/**", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/market-plan/**", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/market-plan", EnumSet.of(DISPATCHER)),
            rule(HttpMethod.GET, "/api/v1/commands/**", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/ev-bookings/**", OPERATIONS),
            rule(HttpMethod.PUT, "/api/v1/ev-bookings/*", EnumSet.of(DISPATCHER)),
            rule(HttpMethod.GET, "/api/v1/curtailment-orders/**", OPERATIONS),
            rule(HttpMethod.PUT, "/api/v1/curtailment-orders/*", EnumSet.of(DISPATCHER)),
            rule(HttpMethod.GET, "/api/v1/islands/**", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/dashboard/**", OPERATIONS),
            rule(HttpMethod.GET, "/api/v1/alerts/**", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/alerts/*/acknowledge", OPERATIONS),
            rule(HttpMethod.POST, "/api/v1/feeders/*/island", EnumSet.of(DISPATCHER)),
            rule(HttpMethod.DELETE, "/api/v1/feeders/*/island", EnumSet.of(DISPATCHER)),
            // Regional aggregates and external series: everyone signed in.
            rule(HttpMethod.GET, "/api/v1/kpis/**", AGGREGATES),
            rule(HttpMethod.GET, "/api/v1/series/**", AGGREGATES),
            rule(HttpMethod.POST, "/api/v1/series/*/versions", EnumSet.of(ADMIN)),
            // Settlement: BILLING reads and starts drafts; tariffs, data of record and finalising are ADMIN's.
            rule(HttpMethod.PUT, "/api/v1/settlement/contracts/*", EnumSet.of(ADMIN)),
            rule(HttpMethod.PUT, "/api/v1/settlement/supply-contracts/*", EnumSet.of(ADMIN)),
            rule(HttpMethod.POST, "/api/v1/settlement/certified-intervals", EnumSet.of(ADMIN)),
            rule(HttpMethod.POST, "/api/v1/settlement/runs/*/finalise", EnumSet.of(ADMIN)),
            rule(HttpMethod.POST, "/api/v1/settlement/runs", SETTLEMENT),
            rule(HttpMethod.GET, "/api/v1/settlement/**", SETTLEMENT));

    private AccessRules() {
    }

    /** The rule a request falls under, for error messages that say which role would have been needed. */
    static Optional<Rule> ruleFor(HttpServletRequest request) {
        return RULES.stream().filter(r -> r.matcher().matches(request)).findFirst();
    }

    private static Rule rule(HttpMethod method, String pattern, Set<Role> roles) {
        return new Rule(method, pattern, roles);
    }
}
