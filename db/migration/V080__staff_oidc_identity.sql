-- Staff who sign in through the company's OpenID Connect provider: the provider (issuer) and the
-- provider's stable id for them (subject) identify them; they have no console password. Local
-- password users keep theirs (the demo, the break-glass accounts).
ALTER TABLE staff_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE staff_user
    ADD COLUMN oidc_issuer  text,
    ADD COLUMN oidc_subject text,
    ADD CONSTRAINT staff_user_oidc_identity UNIQUE (oidc_issuer, oidc_subject),
    ADD CONSTRAINT staff_user_oidc_identity_whole CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL)),
    ADD CONSTRAINT staff_user_signs_in_somehow CHECK (password_hash IS NOT NULL OR oidc_subject IS NOT NULL);
