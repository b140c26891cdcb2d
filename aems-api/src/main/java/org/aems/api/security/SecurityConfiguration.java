package org.aems.api.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.MediaType;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

/**
 * Spring Security for the API (issue #7, ADR 0018): machine clients send an API key on every request; people
 * sign in with a session (form login, CSRF-protected); {@link AccessRules} decides per endpoint and role; every
 * refusal is a problem detail that says what to do, never a login page for an API call.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Publishes authorization refusals as events, for {@link RefusalLog}. */
    @Bean
    org.springframework.security.authorization.AuthorizationEventPublisher authorizationEvents(
            org.springframework.context.ApplicationEventPublisher publisher) {
        return new org.springframework.security.authorization.SpringAuthorizationEventPublisher(publisher);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiClientStore clients, UserStore users, PasswordEncoder encoder,
                            SecuritySettings settings, ProblemWriter problems,
                            org.springframework.context.ApplicationEventPublisher publisher,
                            org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.jwt.JwtDecoder> jwtDecoder)
            throws Exception {
        boolean jwt = jwtDecoder.getIfAvailable() != null;
        var authenticationEvents = new org.springframework.security.authentication.DefaultAuthenticationEventPublisher(publisher);
        AuthenticationEntryPoint api = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"aems\"");
            boolean anonymous = e instanceof InsufficientAuthenticationException;
            problems.write(request, response, HttpStatus.UNAUTHORIZED, anonymous ? "UNAUTHENTICATED" : "INVALID_CREDENTIALS",
                    anonymous ? "sign in, or send an API key as 'Authorization: Bearer aems_…' (an ADMIN issues keys under"
                            + " /api/v1/admin/api-clients)" : e.getMessage());
        };

        ProviderManager keyManager = new ProviderManager(ApiKeyAuthentication.provider(clients));
        keyManager.setAuthenticationEventPublisher(authenticationEvents);
        AuthenticationFilter apiKeys = new AuthenticationFilter(keyManager, ApiKeyAuthentication.converter(jwt));
        apiKeys.setSuccessHandler((request, response, auth) -> { });
        apiKeys.setFailureHandler(api::commence);

        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(SignedInUser.service(users));
        passwords.setPasswordEncoder(encoder);
        ProviderManager userManager = new ProviderManager(passwords);
        userManager.setAuthenticationEventPublisher(authenticationEvents);

        if (jwt) {
            // OAuth2 access tokens of the organisations' identity providers, next to our own keys.
            var tokens = new org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider(
                    jwtDecoder.getObject());
            tokens.setJwtAuthenticationConverter(new JwtPrincipals(settings.jwt()));
            ProviderManager tokenManager = new ProviderManager(tokens);
            tokenManager.setAuthenticationEventPublisher(authenticationEvents);
            var bearer = new org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver();
            http.oauth2ResourceServer(o -> o.jwt(j -> j.authenticationManager(tokenManager)).authenticationEntryPoint(api)
                    // Our own keys are the API-key filter's.
                    .bearerTokenResolver(request -> {
                        String token = bearer.resolve(request);
                        return token == null || ApiKey.looksLikeOne(token) ? null : token;
                    }));
        }
        http.authenticationManager(userManager)
                .addFilterBefore(new RateLimitFilter(settings, problems), HeaderWriterFilter.class)
                .addFilterAfter(new BodySizeLimitFilter(settings, problems), RateLimitFilter.class)
                .addFilterBefore(apiKeys, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionRecheck(users), org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> {
                    // Streamed exports continue on an async dispatch; errors render on an error dispatch: both
                    // already passed authorization on their original request.
                    auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = auth.requestMatchers(rule.matcher());
                        if (rule.isPublic()) {
                            url.permitAll();
                        } else {
                            url.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                        }
                    }
                    auth.anyRequest().denyAll();
                })
                .formLogin(form -> form.defaultSuccessUrl("/dashboard/", false))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .httpBasic(basic -> basic.disable())
                // Only cookie-authenticated (browser) requests need CSRF tokens: a bearer key is never sent by a
                // browser on its own, and a request without a session cannot ride on one (it gets 401, not 403).
                // Signing in itself stays protected against login CSRF.
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(request -> carriesBearer(request)
                        || request.getRequestedSessionId() == null && !"/login".equals(request.getServletPath())))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browserPage())
                        .defaultAuthenticationEntryPointFor(api, request -> true)
                        .accessDeniedHandler(denied(problems)));
        return http.build();
    }

    private static boolean carriesBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** A browser asking for a page (not the API) is sent to the sign-in page instead of getting JSON. */
    private static RequestMatcher browserPage() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(), MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        return request -> !request.getRequestURI().startsWith("/api/") && !request.getRequestURI().startsWith("/actuator/")
                && html.matches(request);
    }

    private static AccessDeniedHandler denied(ProblemWriter problems) {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                        "a signed-in browser request that changes something must send the XSRF-TOKEN cookie's value in the"
                                + " X-XSRF-TOKEN header; reload the page and retry");
                return;
            }
            String needed = AccessRules.ruleFor(request)
                    .map(r -> r.roles().isEmpty() ? "nobody" : r.roles().stream().map(Role::name).sorted().collect(Collectors.joining(" or ")))
                    .orElse("nobody: no endpoint is open at this path");
            String held = Principals.current().map(p -> p.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", ")))
                    .orElse("none");
            problems.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                    request.getMethod() + " " + request.getRequestURI() + " needs role " + needed + "; you have " + held
                            + ". Ask an ADMIN if your work needs it.");
        };
    }
}
