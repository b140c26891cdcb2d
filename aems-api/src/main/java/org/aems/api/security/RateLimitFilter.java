package org.aems.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits requests per client address before anything else runs, so a flood or a password/key guessing run costs
 * us little. One Resilience4j limiter per address, held in a bounded cache that forgets idle addresses. The
 * address is the TCP peer: behind a reverse proxy, configure {@code server.forward-headers-strategy} so it is
 * the real client's.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final ProblemWriter problems;
    private final long retryAfterSeconds;

    RateLimitFilter(SecuritySettings settings, ProblemWriter problems) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerSecond())
                .limitRefreshPeriod(settings.rateLimitPeriod())
                .timeoutDuration(Duration.ZERO)
                .build();
        this.problems = problems;
        this.retryAfterSeconds = Math.max(1, (settings.rateLimitPeriod().toMillis() + 999) / 1000);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        RateLimiter limiter = limiters.get(client, address -> RateLimiter.of("client-" + address, config));
        if (!limiter.acquirePermission()) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "more than " + config.getLimitForPeriod() + " requests in " + config.getLimitRefreshPeriod().toMillis()
                            + " ms from " + client + "; retry after " + retryAfterSeconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
