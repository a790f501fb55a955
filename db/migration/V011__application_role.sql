-- The role the application connects with (${appUser}): it may read and append audit entries but
-- never change or remove them, whatever the triggers. Migrations keep running as the owner.
-- When the application connects as the owner itself (a single-user external database), nothing
-- is granted and only the triggers protect the trail; the README says how to separate the two.
DO $do$
DECLARE
    app text := '${appUser}';
    schema_name text := current_schema();
BEGIN
    IF app = '' OR app = current_user THEN
        RAISE WARNING 'the application connects as the schema owner %: audit entries are protected by triggers only', current_user;
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', app, $pw$${appPassword}$pw$);
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema_name, app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema_name, app);
    -- Tables and sequences of later migrations (run by this same owner) are granted the same way.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', schema_name, app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', schema_name, app);

    -- The trail: read and append only. The chain head: read only (the owner's trigger moves it).
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entry FROM %I', app);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_chain_head FROM %I', app);
    -- Flyway's own history is the owner's business.
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', app);
    END IF;
END $do$;
