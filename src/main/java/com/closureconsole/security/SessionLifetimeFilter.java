package com.closureconsole.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session once it is older than {@code closure.security.absolute-session-lifetime},
 * however active its user is: the idle timeout alone would let a session that is used now and
 * then live for ever. The request goes on without a signed-in user, so the user is sent to sign
 * in (a Vaadin request first reloads the page), and the sign-in page says why.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    /** Set on the fresh session of a user whose session just ended; {@link LoginView} tells them. */
    static final String ENDED = SessionLifetimeFilter.class.getName() + ".ENDED";

    private static final Logger log = LoggerFactory.getLogger(SessionLifetimeFilter.class);

    private final Clock clock;
    private final Duration lifetime;

    SessionLifetimeFilter(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && expired(session)) {
            long ageMinutes = Duration.ofMillis(clock.millis() - session.getCreationTime()).toMinutes();
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // Ended by another request at the same moment: the same outcome.
            }
            request.getSession(true).setAttribute(ENDED, lifetime);
            log.info("Ended a session after its absolute lifetime of {} ({} minutes old)", lifetime, ageMinutes);
        }
        chain.doFilter(request, response);
    }

    private boolean expired(HttpSession session) {
        try {
            return clock.millis() - session.getCreationTime() >= lifetime.toMillis();
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }
}
