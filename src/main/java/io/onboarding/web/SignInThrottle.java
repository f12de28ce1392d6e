package io.onboarding.web;

import io.onboarding.logging.LogText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in that {@link SignInAttempts} says must wait, before the password is even checked, with the
 * same generic answer as a wrong password: refusing at once, not sleeping, so waits tie up no server thread.
 */
class SignInThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInAttempts attempts;

    SignInThrottle(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = request.getParameter("username");
        Optional<Duration> wait = attempts.wait(account, request.getRemoteAddr());
        if (wait.isPresent()) {
            log.warn("Console: sign-in as '{}' from {} refused unchecked: too many failures, {} s to wait",
                    LogText.escape(account), request.getRemoteAddr(),
                    wait.get().toSeconds() + 1);
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        chain.doFilter(request, response);
    }
}
