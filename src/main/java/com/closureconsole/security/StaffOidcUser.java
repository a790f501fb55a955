package com.closureconsole.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A member of staff signed in through the OpenID Connect provider, as Spring Security holds them:
 * the console's user name and role, and what the provider said about how they signed in.
 */
public class StaffOidcUser extends DefaultOidcUser {

    private final String username;
    private final String displayName;
    private final StaffRole role;
    private final String registrationId;

    StaffOidcUser(StaffUser staff, String registrationId, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(List.of(new SimpleGrantedAuthority(staff.role().authority())), idToken, userInfo);
        this.username = staff.username();
        this.displayName = staff.displayName();
        this.role = staff.role();
        this.registrationId = registrationId;
    }

    /** The console's user name (who the audit says acted). */
    @Override
    public String getName() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public StaffRole role() {
        return role;
    }

    /** The client registration (provider) that signed them in. */
    public String registrationId() {
        return registrationId;
    }

    /** The authentication methods the provider reports ({@code amr}), empty when it reports none. */
    public List<String> authenticationMethods() {
        List<String> amr = getIdToken().getAuthenticationMethods();
        return amr == null ? List.of() : amr;
    }

    /** The authentication context class the provider reports ({@code acr}), or {@code null}. */
    public @Nullable String authenticationContext() {
        return getIdToken().getAuthenticationContextClass();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
