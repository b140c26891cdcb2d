package org.aems.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Whose data a caller may see, after the role said what kind: {@link SiteScope} for every endpoint whose path names
 * a {@code {siteId}}, and settlement (statements of every site, exports, the feed) only for the organisation that
 * settles. Checked before the endpoint runs. Administration of scopes themselves is ADMIN's and not scoped.
 */
@Configuration(proxyBeanMethods = false)
class DataScopeEnforcement implements WebMvcConfigurer {

    private final SiteScope scope;
    private final String settlementOrganisation;

    DataScopeEnforcement(SiteScope scope, SecuritySettings settings) {
        this.scope = scope;
        this.settlementOrganisation = settings.settlementOrganisation();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                if (variables instanceof Map<?, ?> vars && vars.get("siteId") instanceof String site) {
                    Principal principal = Principals.current().orElseThrow(() -> new SecurityRequestException(401,
                            "UNAUTHENTICATED", "per-site data needs a signed-in caller"));
                    scope.require(principal, site);
                }
                return true;
            }
        }).addPathPatterns("/api/**").excludePathPatterns("/api/v1/admin/**");
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Principal principal = Principals.current().orElseThrow(() -> new SecurityRequestException(401,
                        "UNAUTHENTICATED", "settlement needs a signed-in caller"));
                if (!settlementOrganisation.equals(principal.organisation())) {
                    throw new SecurityRequestException(403, "SETTLEMENT_OF_ANOTHER_ORGANISATION", "settlement belongs to organisation '"
                            + settlementOrganisation + "' (aems.security.settlement-organisation); organisation '"
                            + principal.organisation() + "' sees its sites' data through consents, not through settlement");
                }
                return true;
            }
        }).addPathPatterns("/api/v1/settlement/**");
    }
}
