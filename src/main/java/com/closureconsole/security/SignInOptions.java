package com.closureconsole.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * What the sign-in page offers: the identity provider's button, when one is configured, and the
 * password form, unless password sign-in is off for everybody.
 *
 * @param provider     the provider to sign in with, if any
 * @param passwordForm whether the password form is shown
 */
record SignInOptions(Optional<Provider> provider, boolean passwordForm) {

    /**
     * @param name              what the button calls it ("Sign in with {name}")
     * @param authorizationPath where the button leads (Spring Security sends the browser on to the provider)
     */
    record Provider(String registrationId, String name, String authorizationPath) {
    }

    /** The one registration that signs staff in: the named one, or the only one there is. */
    static ClientRegistration registration(ClientRegistrationRepository repository, OidcSettings settings) {
        if (settings.registrationId() != null && !settings.registrationId().isBlank()) {
            ClientRegistration named = repository.findByRegistrationId(settings.registrationId());
            if (named == null) {
                throw new IllegalStateException("closure.oidc.registration-id: no client registration '"
                        + settings.registrationId() + "' under spring.security.oauth2.client.registration");
            }
            return named;
        }
        List<ClientRegistration> all = new ArrayList<>();
        if (repository instanceof Iterable<?> registrations) {
            registrations.forEach(registration -> all.add((ClientRegistration) registration));
        }
        if (all.size() != 1) {
            throw new IllegalStateException("There are " + all.size() + " client registrations under "
                    + "spring.security.oauth2.client.registration: name the one staff sign in with in closure.oidc.registration-id");
        }
        return all.get(0);
    }

    static SignInOptions of(@Nullable ClientRegistration registration, OidcSettings settings,
                            PasswordSignIn passwords) {
        Provider provider = registration == null ? null : new Provider(registration.getRegistrationId(),
                settings.displayName() == null || settings.displayName().isBlank()
                        ? registration.getClientName() : settings.displayName(),
                "oauth2/authorization/" + registration.getRegistrationId());
        return new SignInOptions(Optional.ofNullable(provider), passwords.offered());
    }
}
