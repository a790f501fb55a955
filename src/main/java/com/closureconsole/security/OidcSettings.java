package com.closureconsole.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How staff signed in by the OpenID Connect provider become agents and supervisors. The provider
 * itself is Spring Boot's {@code spring.security.oauth2.client.registration.*} and
 * {@code provider.*} (issuer URI, client id and secret); these settings only apply when one is
 * configured.
 *
 * @param registrationId        which client registration signs staff in; needed only when there are several
 * @param displayName           the provider's name on the sign-in button ("Sign in with …"); the registration's client name when unset
 * @param roleClaim             the claim (ID token or user info) that lists the user's groups
 * @param agentGroups           groups that make an AGENT
 * @param supervisorGroups      groups that make a SUPERVISOR (wins over agent)
 * @param supervisorRequiresMfa a SUPERVISOR gets in only when the provider reports a second factor
 * @param mfaMethods            {@code amr} values that count as a second factor
 * @param mfaAcrValues          {@code acr} values that count as a second factor
 */
@ConfigurationProperties("closure.oidc")
record OidcSettings(@Nullable String registrationId,
                    @Nullable String displayName,
                    @DefaultValue("groups") String roleClaim,
                    @DefaultValue("console-agents") List<String> agentGroups,
                    @DefaultValue("console-supervisors") List<String> supervisorGroups,
                    @DefaultValue("false") boolean supervisorRequiresMfa,
                    @DefaultValue({"mfa", "otp", "hwk"}) List<String> mfaMethods,
                    @DefaultValue({}) List<String> mfaAcrValues) {

    /** The role the user's groups give, or {@code null} when none of them is mapped. */
    @Nullable StaffRole roleFor(List<String> groups) {
        if (groups.stream().anyMatch(supervisorGroups::contains)) {
            return StaffRole.SUPERVISOR;
        }
        return groups.stream().anyMatch(agentGroups::contains) ? StaffRole.AGENT : null;
    }

    /** Whether the provider's {@code amr} or {@code acr} says a second factor was used. */
    boolean secondFactor(List<String> amr, @Nullable String acr) {
        return amr.stream().anyMatch(mfaMethods::contains) || acr != null && mfaAcrValues.contains(acr);
    }
}
