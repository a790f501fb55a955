package com.closureconsole.security;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Published when the OpenID Connect provider vouched for someone whom the console still keeps
 * out; the audit records it.
 *
 * @param username      the name the provider gave ({@code preferred_username}, else the subject)
 * @param provider      the client registration
 * @param issuer        the provider's issuer
 * @param subject       the provider's id of the user
 * @param amr           the authentication methods the provider reported
 * @param acr           the authentication context class it reported, or {@code null}
 * @param reason        why they were kept out
 * @param clientAddress where the attempt came from
 */
public record ProviderSignInRefused(String username, String provider, String issuer, String subject,
                                    List<String> amr, @Nullable String acr, Reason reason,
                                    @Nullable String clientAddress) {

    /** Why someone the provider signed in was kept out of the console. */
    public enum Reason {
        /** None of their groups maps to AGENT or SUPERVISOR. */
        NO_MAPPED_ROLE,
        /** A supervisor without a second factor, when supervisors must have one. */
        SECOND_FACTOR_MISSING,
        /** Their staff record is disabled in the console. */
        DISABLED
    }
}
