package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.closureconsole.ConsoleTest;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/** Signing out and the end of a signed-in session (an expiry above all) land in the trail. */
@ConsoleTest
class AuditSessionTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    private long last() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_entry", Long.class);
    }

    @Test
    void the_container_tells_the_console_when_a_session_ends() {
        assertThat(context.getBeansOfType(HttpSessionEventPublisher.class)).hasSize(1);
    }

    @Test
    void a_sign_out_is_recorded_with_who_signed_out() {
        long before = last();
        events.publishEvent(new LogoutSuccessEvent(UsernamePasswordAuthenticationToken.authenticated("supervisor1", null,
                AuthorityUtils.createAuthorityList("ROLE_SUPERVISOR"))));
        assertThat(jdbc.queryForList("SELECT action || ':' || actor || ':' || actor_role FROM audit_entry WHERE id > ?",
                String.class, before)).containsExactly("SIGN_OUT:supervisor1:SUPERVISOR");
    }

    @Test
    void a_session_that_expired_after_its_idle_time_out_is_recorded_as_expired() {
        long before = last();
        events.publishEvent(new HttpSessionDestroyedEvent(session("agent1", 31 * 60)));
        events.publishEvent(new HttpSessionDestroyedEvent(session(null, 0)));
        Map<String, Object> entry = jdbc.queryForMap("""
                SELECT action, actor, details ->> 'expired' AS expired, (details ->> 'idleSeconds')::int AS idle
                  FROM audit_entry WHERE id > ?""", before);
        assertThat(entry).containsEntry("action", "SESSION_END").containsEntry("actor", "agent1")
                .containsEntry("expired", "true");
        assertThat((Integer) entry.get("idle")).isGreaterThanOrEqualTo(31 * 60);
    }

    /** A session idle for {@code idleSeconds} of its 30 minutes, signed in as {@code user} (or anonymous). */
    private static HttpSession session(String user, int idleSeconds) {
        HttpSession session = mock(HttpSession.class);
        List<String> names = user == null ? List.of()
                : List.of(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        when(session.getAttributeNames()).thenReturn(Collections.enumeration(names));
        if (user != null) {
            when(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                    .thenReturn(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
                            AuthorityUtils.createAuthorityList("ROLE_AGENT"))));
        }
        when(session.getId()).thenReturn("session-" + user);
        when(session.getMaxInactiveInterval()).thenReturn(30 * 60);
        when(session.getLastAccessedTime()).thenReturn(System.currentTimeMillis() - idleSeconds * 1000L);
        return session;
    }
}
