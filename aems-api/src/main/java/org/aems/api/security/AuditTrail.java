package org.aems.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every change made through the API (any POST, PUT, PATCH or DELETE that reached an endpoint) and every read of
 * one site's data (a GET whose path names a {@code {siteId}}) leaves an audit entry with who, what, and the
 * outcome's status. Kept at the one place all endpoints pass, so a new endpoint is audited without anyone
 * remembering to; stores add their own, more specific entries (USER_CREATED, API_CLIENT_REVOKED, ...).
 */
@Configuration(proxyBeanMethods = false)
class AuditTrail implements WebMvcConfigurer {

    static final String SITE_DATA_READ = "SITE_DATA_READ";

    private final AuditLog audit;

    AuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
                String method = request.getMethod();
                boolean change = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
                Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                Object site = variables instanceof Map<?, ?> vars ? vars.get("siteId") : null;
                if (!change && site == null) {
                    return;
                }
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("status", response.getStatus());
                if (request.getQueryString() != null) {
                    detail.put("query", request.getQueryString());
                }
                String actor = Principals.current().map(Principal::name).orElse("anonymous");
                if (change) {
                    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                    audit.record(actor, method + " " + (pattern == null ? request.getRequestURI() : pattern), request.getRequestURI(), detail);
                } else {
                    detail.put("path", request.getRequestURI());
                    audit.record(actor, SITE_DATA_READ, "site:" + site, detail);
                }
            }
        }).addPathPatterns("/api/**");
    }
}
