-- Whether an entry's details as written (details_text) still say what its jsonb column says; false,
-- not an error, when the text is no longer valid JSON (a tampered entry must be reported, not abort
-- the verification). PostgreSQL 16 has pg_input_is_valid, which keeps the check a plain expression;
-- PostgreSQL 15 gets the same answer from a cast that catches its error.
DO $do$
BEGIN
    IF current_setting('server_version_num')::int >= 160000 THEN
        CREATE FUNCTION audit_details_match(details jsonb, details_text text) RETURNS boolean
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            RETURN CASE WHEN pg_input_is_valid(details_text, 'jsonb') THEN details = details_text::jsonb ELSE false END;
    ELSE
        CREATE FUNCTION audit_details_match(details jsonb, details_text text) RETURNS boolean
            LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
        BEGIN
            RETURN details = details_text::jsonb;
        EXCEPTION WHEN invalid_text_representation THEN
            RETURN false;
        END $fn$;
    END IF;
END $do$;
