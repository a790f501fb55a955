package com.closureconsole.audit;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.closureconsole.security.CurrentStaff;
import com.closureconsole.security.ProviderSignInRefused;
import com.closureconsole.security.StaffOidcUser;
import com.closureconsole.security.StaffRole;
import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Turns what happens into audit entries: the {@link AuditEvent}s other modules publish (written
 * synchronously, in the publisher's transaction), and Spring Security's sign-ins, failed sign-ins
 * and refusals of a signed-in user by method security.
 */
@Component
class AuditRecorder {

    private final AuditLog log;
    private final CurrentStaff staff;

    AuditRecorder(AuditLog log, CurrentStaff staff) {
        this.log = log;
        this.staff = staff;
    }

    @EventListener
    public void record(AuditEvent event) {
        if (event.outcome() == AuditOutcome.DENIED) {
            log.recordRefusal(event, Actor.current(staff));
        } else {
            log.record(event, Actor.current(staff));
        }
    }

    @EventListener
    public void signedIn(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        Map<String, Object> details = authentication.getPrincipal() instanceof StaffOidcUser user
                ? providerDetails(user.registrationId(), user.getIdToken().getIssuer(), user.getSubject(),
                        user.authenticationMethods(), user.authenticationContext())
                : Map.of("method", "PASSWORD");
        log.record(AuditEvent.of(AuditAction.SIGN_IN, null, AuditOutcome.SUCCESS, details), actor(authentication));
    }

    /** Someone the identity provider signed in, whom the console kept out. */
    @EventListener
    public void providerSignInRefused(ProviderSignInRefused event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", event.reason().name());
        details.putAll(providerDetails(event.provider(), event.issuer(), event.subject(), event.amr(), event.acr()));
        log.recordRefusal(AuditEvent.of(AuditAction.SIGN_IN_FAILED, null, AuditOutcome.FAILURE, details),
                new Actor(event.username(), null, event.clientAddress()));
    }

    /** How the identity provider says the user signed in: which provider, who, and with what methods. */
    private static Map<String, Object> providerDetails(String provider, Object issuer, String subject,
                                                       java.util.List<String> amr, String acr) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", "OIDC");
        details.put("provider", provider);
        details.put("issuer", String.valueOf(issuer));
        details.put("subject", subject);
        details.put("amr", amr);
        details.put("acr", acr);
        return details;
    }

    @EventListener
    public void signInFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String typed = attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase(Locale.ROOT);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason(event));
        log.recordRefusal(AuditEvent.of(AuditAction.SIGN_IN_FAILED, null, AuditOutcome.FAILURE, details),
                new Actor(typed.isEmpty() ? "(blank)" : typed, null, address(attempt)));
    }

    /** A signed-in user refused by method security (anonymous requests are just sent to sign in). */
    @EventListener
    public void accessDenied(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (event.getObject() instanceof MethodInvocation invocation) {
            Method method = invocation.getMethod();
            details.put("operation", method.getDeclaringClass().getSimpleName() + "." + method.getName());
        } else if (event.getObject() instanceof HttpServletRequest request) {
            details.put("path", request.getRequestURI());
        } else {
            details.put("object", event.getObject().getClass().getSimpleName());
        }
        log.recordRefusal(AuditEvent.of(AuditAction.ACCESS_DENIED, null, AuditOutcome.DENIED, details),
                actor(authentication));
    }

    private Actor actor(Authentication authentication) {
        String role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(StaffRole.SUPERVISOR.authority()::equals) ? StaffRole.SUPERVISOR.name()
                : authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .anyMatch(StaffRole.AGENT.authority()::equals) ? StaffRole.AGENT.name() : null;
        return new Actor(authentication.getName(), role, address(authentication));
    }

    private String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : staff.clientAddress();
    }

    /** {@code AuthenticationFailureBadCredentialsEvent} gives {@code BAD_CREDENTIALS}, and so on. */
    static String reason(AbstractAuthenticationFailureEvent event) {
        String name = event.getClass().getSimpleName().replaceFirst("^AuthenticationFailure", "").replaceFirst("Event$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
