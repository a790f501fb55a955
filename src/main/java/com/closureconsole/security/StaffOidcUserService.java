package com.closureconsole.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.closureconsole.security.ProviderSignInRefused.Reason;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns a user the OpenID Connect provider signed in into a member of staff: the role comes from
 * their groups ({@link OidcSettings}); without a mapped role, as a supervisor without a required
 * second factor, or when disabled in the console they are kept out, and that is published for the
 * audit ({@link ProviderSignInRefused}).
 */
@Component
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The provider vouched for the user, the console keeps them out; the sign-in page says why. */
    static final class RefusedException extends OAuth2AuthenticationException {
        final Reason reason;

        RefusedException(Reason reason) {
            super(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, "refused by the console: " + reason, null));
            this.reason = reason;
        }
    }

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider = new OidcUserService();
    private final ProviderStaff staff;
    private final OidcSettings settings;
    private final CurrentStaff current;
    private final ApplicationEventPublisher events;

    StaffOidcUserService(ProviderStaff staff, OidcSettings settings, CurrentStaff current, ApplicationEventPublisher events) {
        this.staff = staff;
        this.settings = settings;
        this.current = current;
        this.events = events;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String issuer = String.valueOf(user.getIdToken().getIssuer());
        String subject = user.getSubject();
        String name = Optional.ofNullable(user.getPreferredUsername()).orElse(subject);
        List<String> amr = Optional.ofNullable(user.getIdToken().getAuthenticationMethods()).orElse(List.of());
        String acr = user.getIdToken().getAuthenticationContextClass();
        String registrationId = request.getClientRegistration().getRegistrationId();

        StaffRole role = settings.roleFor(groups(user.getClaims().get(settings.roleClaim())));
        Reason refusal = null;
        Optional<StaffUser> admitted = Optional.empty();
        if (role == null) {
            refusal = Reason.NO_MAPPED_ROLE;
        } else if (role == StaffRole.SUPERVISOR && settings.supervisorRequiresMfa() && !settings.secondFactor(amr, acr)) {
            refusal = Reason.SECOND_FACTOR_MISSING;
        } else if (staff.disabled(issuer, subject)) {
            refusal = Reason.DISABLED;
        } else {
            admitted = staff.admit(issuer, subject, name, Optional.ofNullable(user.getFullName()).orElse(name), role);
        }
        if (admitted.isEmpty()) {
            Reason reason = refusal == null ? Reason.DISABLED : refusal;
            events.publishEvent(new ProviderSignInRefused(name, registrationId, issuer, subject, amr, acr, reason,
                    current.clientAddress()));
            throw new RefusedException(reason);
        }
        return new StaffOidcUser(admitted.get(), registrationId, user.getIdToken(), user.getUserInfo());
    }

    /** A groups claim is a list of names, or one name. */
    private static List<String> groups(@Nullable Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }
}
