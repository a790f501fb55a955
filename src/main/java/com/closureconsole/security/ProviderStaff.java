package com.closureconsole.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff records of people the identity provider signs in, found by the provider's issuer and
 * subject (never by name: a provider account must not take over a console account that happens to
 * have the same name). The first sign-in creates the record, every one refreshes name and role.
 */
@Service
class ProviderStaff {

    private final StaffUserRepository users;

    ProviderStaff(StaffUserRepository users) {
        this.users = users;
    }

    /**
     * The staff record for this provider user with the role their groups give now; empty when the
     * record is disabled in the console (then nothing is changed).
     */
    @Transactional
    public Optional<StaffUser> admit(String issuer, String subject, String preferredName, String displayName, StaffRole role) {
        Optional<StaffUser> known = users.findByOidcIssuerAndOidcSubject(issuer, subject);
        if (known.isPresent()) {
            StaffUser user = known.get();
            if (!user.enabled()) {
                return Optional.empty();
            }
            user.refreshFromProvider(displayName, role);
            return Optional.of(user);
        }
        String username = freeUsername(preferredName, issuer, subject);
        return Optional.of(users.save(StaffUser.fromProvider(username, displayName, role, issuer, subject)));
    }

    /** Whether this provider user's staff record exists and is disabled. */
    @Transactional(readOnly = true)
    public boolean disabled(String issuer, String subject) {
        return users.findByOidcIssuerAndOidcSubject(issuer, subject).map(user -> !user.enabled()).orElse(false);
    }

    /**
     * The provider's name for the user in the console's form ({@code [a-z0-9_.-]{3,64}}); when
     * another staff user has it already, made unique by a short digest of issuer and subject.
     */
    private String freeUsername(String preferredName, String issuer, String subject) {
        String name = preferredName.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
        name = name.length() > 50 ? name.substring(0, 50) : name;
        if (name.length() >= 3 && !users.existsByUsername(name)) {
            return name;
        }
        return (name.isEmpty() ? "sso" : name) + "-" + digest(issuer + " " + subject).substring(0, 12);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", unavailable);
        }
    }
}
