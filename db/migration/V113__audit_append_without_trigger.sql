-- An append no longer runs a trigger: the entry's id is the column's default, and the writer
-- sends the jsonb details beside the details as written, which a check holds equal. The insert
-- trigger of V112 was the largest share of what an audited append cost the database beyond a
-- plain insert of the same row: pgbench, 16 clients, PostgreSQL 17, synchronous commit on, a copy
-- of the table with its indexes, rounds of 5-6 s: the plain insert 8,400/s, with the trigger
-- 7,450/s (0.89x), with the default and the check of this migration 8,200/s (0.98x); as a
-- SECURITY DEFINER function the default was no cheaper than the trigger, as it runs through the
-- function executor instead of being inlined into the insert.
--
-- What the trigger guaranteed still holds:
--  * the writer's transaction id is taken before the entry's id (see the top of V110): the
--    default's CASE asks for the transaction id first, and CASE evaluates in order;
--  * the id comes from the sequence only: the application's role may not write the id column
--    (V112); it may now take numbers from the sequence (USAGE), which only leaves a gap, as a
--    rolled-back append does, and never set it (that needs UPDATE on the sequence);
--  * the structured details are the details as written: the check refuses any other.

-- No append runs while the trigger, the default and the rights change over.
LOCK TABLE audit_entry IN EXCLUSIVE MODE;

DO $do$
DECLARE
    s text := quote_ident(current_schema());
BEGIN
    -- LANGUAGE sql, not SECURITY DEFINER and no SET: the planner inlines it into the insert.
    EXECUTE format($fn$
        CREATE FUNCTION %1$s.audit_entry_next_id() RETURNS bigint LANGUAGE sql VOLATILE AS $body$
            SELECT CASE WHEN pg_catalog.pg_current_xact_id() IS NULL THEN NULL
                        ELSE pg_catalog.nextval('%1$s.audit_entry_id_seq'::pg_catalog.regclass) END
        $body$
    $fn$, s);
    EXECUTE format('ALTER TABLE %1$s.audit_entry ALTER COLUMN id SET DEFAULT %1$s.audit_entry_next_id()', s);
END $do$;

DROP TRIGGER audit_entry_ledger ON audit_entry;
DROP FUNCTION audit_entry_ledger_fields();

-- The writer names the details; an insert that leaves them out is refused, not given '{}'.
ALTER TABLE audit_entry ALTER COLUMN details DROP DEFAULT;
-- Held for every new entry. The entries already written are not read again here: verification
-- compares each entry's two columns (DETAILS_CHANGED), and an entry someone changed must not keep
-- the console from starting to say so.
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_details_as_written CHECK (details = details_text::jsonb) NOT VALID;

DO $do$
DECLARE
    app text := '${appUser}';
BEGIN
    IF app = '' OR app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT INSERT (details) ON audit_entry TO %I', app);
    EXECUTE format('GRANT USAGE ON SEQUENCE audit_entry_id_seq TO %I', app);
END $do$;
