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
 * Applies {@link SiteScope} to every endpoint whose path names a {@code {siteId}}, before the endpoint runs: the
 * role says what kind of data a caller may see, the scope whose. Administration of scopes themselves is ADMIN's
 * and not scoped.
 */
@Configuration(proxyBeanMethods = false)
class SiteScopeEnforcement implements WebMvcConfigurer {

    private final SiteScope scope;

    SiteScopeEnforcement(SiteScope scope) {
        this.scope = scope;
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
                    if (!scope.mayRead(principal, site)) {
                        throw new SecurityRequestException(403, "SITE_OUT_OF_SCOPE", "site '" + site + "' is not in the scope of"
                                + " organisation '" + principal.organisation() + "': its data is its owner's, and another"
                                + " organisation reads it only under a recorded consent (an ADMIN records it)");
                    }
                }
                return true;
            }
        }).addPathPatterns("/api/**").excludePathPatterns("/api/v1/admin/**");
    }
}
