package com.closureconsole.audit;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.closureconsole.security.CurrentStaff;
import com.closureconsole.security.KnownStaff;
import com.closureconsole.security.ProviderSignInRefused;
import com.closureconsole.security.RouteDenied;
import com.closureconsole.security.StaffOidcUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;

/**
 * Turns what happens into audit entries: the {@link Audited} facts other modules publish (written
 * synchronously, in the publisher's transaction), the {@link AttemptRefused} attempts (each in a
 * transaction of its own), Spring Security's sign-ins, failed sign-ins, sign-outs, ends of
 * signed-in sessions and refusals of a signed-in user by method security, and the security
 * module's refusals of a sign-in or of a view. A name typed at a failed
 * sign-in that is no staff user's is stored masked: it may be a customer's phone number, or a
 * password typed into the wrong field.
 */
@Component
class AuditRecorder {

    private final AuditLog log;
    private final CurrentStaff staff;
    private final KnownStaff knownStaff;
    private final Clock clock;

    AuditRecorder(AuditLog log, CurrentStaff staff, KnownStaff knownStaff, Clock clock) {
        this.log = log;
        this.staff = staff;
        this.knownStaff = knownStaff;
        this.clock = clock;
    }

    /**
     * A fact another module published: in the publisher's transaction, or, for a refused attempt
     * or a denial, in a transaction of its own.
     */
    @EventListener
    public void record(Audited fact) {
        AuditEvent entry = AuditEvent.of(fact);
        if (fact instanceof AttemptRefused || fact.outcome() == AuditOutcome.DENIED) {
            log.recordRefusal(entry, Actor.current(staff));
        } else {
            log.record(entry, Actor.current(staff));
        }
    }

    /** A signed-in user opened a view their role may not see. */
    @EventListener
    public void routeDenied(RouteDenied denied) {
        log.recordRefusal(AuditEvent.of(SignInAction.ACCESS_DENIED, null, AuditOutcome.DENIED,
                Map.of("route", denied.route())), Actor.current(staff));
    }

    @EventListener
    public void signedIn(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        Map<String, Object> details = authentication.getPrincipal() instanceof StaffOidcUser user
                ? providerDetails(user.registrationId(), user.getIdToken().getIssuer(), user.getSubject(),
                        user.authenticationMethods(), user.authenticationContext())
                : Map.of("method", "PASSWORD");
        log.record(AuditEvent.of(SignInAction.SIGN_IN, null, AuditOutcome.SUCCESS, details), actor(authentication));
    }

    /** Someone the identity provider signed in, whom the console kept out. */
    @EventListener
    public void providerSignInRefused(ProviderSignInRefused event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", event.reason().name());
        details.putAll(providerDetails(event.provider(), event.issuer(), event.subject(), event.amr(), event.acr()));
        log.recordRefusal(AuditEvent.of(SignInAction.SIGN_IN_FAILED, null, AuditOutcome.FAILURE, details),
                new Actor(event.username(), null, event.clientAddress()));
    }

    /** How the identity provider says the user signed in: which provider, who, and with what methods. */
    private static Map<String, Object> providerDetails(String provider, Object issuer, String subject,
                                                       java.util.List<String> amr, @Nullable String acr) {
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
        String actor = typed.isEmpty() ? "(blank)" : knownStaff.isStaff(typed) ? typed : unknownName(typed);
        details.put("knownUser", !typed.isEmpty() && actor.equals(typed));
        log.recordRefusal(AuditEvent.of(SignInAction.SIGN_IN_FAILED, null, AuditOutcome.FAILURE, details),
                new Actor(actor, null, address(attempt)));
    }

    /** A name that is no staff user's, masked: only its first character stays. */
    static String unknownName(String typed) {
        return typed.substring(0, typed.offsetByCodePoints(0, 1)) + "***";
    }

    @EventListener
    public void signedOut(LogoutSuccessEvent event) {
        log.record(AuditEvent.of(SignInAction.SIGN_OUT, null, AuditOutcome.SUCCESS, Map.of()), actor(event.getAuthentication()));
    }

    /**
     * A session that held a signed-in user ended, on a sign-out or when the container expired it;
     * how long it had been idle tells the two apart.
     */
    @EventListener
    public void sessionEnded(HttpSessionDestroyedEvent event) {
        HttpSession session = event.getSession();
        for (SecurityContext context : event.getSecurityContexts()) {
            Authentication authentication = context.getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            long idleSeconds = Math.max(0, (clock.millis() - session.getLastAccessedTime()) / 1000);
            details.put("idleSeconds", idleSeconds);
            details.put("timeoutSeconds", session.getMaxInactiveInterval());
            details.put("expired", session.getMaxInactiveInterval() > 0 && idleSeconds >= session.getMaxInactiveInterval());
            log.record(AuditEvent.of(SignInAction.SESSION_END, null, AuditOutcome.SUCCESS, details), actor(authentication));
        }
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
        log.recordRefusal(AuditEvent.of(SignInAction.ACCESS_DENIED, null, AuditOutcome.DENIED, details),
                actor(authentication));
    }

    private Actor actor(Authentication authentication) {
        String role = CurrentStaff.role(authentication).map(Enum::name).orElse(null);
        return new Actor(authentication.getName(), role, address(authentication));
    }

    private @Nullable String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : staff.clientAddress();
    }

    /** {@code AuthenticationFailureBadCredentialsEvent} gives {@code BAD_CREDENTIALS}, and so on. */
    static String reason(AbstractAuthenticationFailureEvent event) {
        String name = event.getClass().getSimpleName().replaceFirst("^AuthenticationFailure", "").replaceFirst("Event$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
