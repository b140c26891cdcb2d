package org.aems.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A disabled user's open sessions end at their next request, not when they expire: a session only remembers who
 * signed in, so each request checks that the user is still enabled (one primary-key lookup) and otherwise drops the
 * session and continues as anonymous (401). Roles changed since sign-in take effect at the next sign-in.
 */
class SessionRecheck extends OncePerRequestFilter {

    private final UserStore users;

    SessionRecheck(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user
                && !users.stored(user.getUsername()).map(UserStore.Stored::enabled).orElse(false)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
