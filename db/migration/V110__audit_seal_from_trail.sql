-- The sealer finds what to seal in the trail itself, and the queue of V050 goes: an append now
-- writes its entry and nothing else, where it also wrote a queue row that the sealer deleted
-- again (two more writes per entry, and a table to vacuum).
--
-- How the sealer knows what is still to come (AuditSealer): every entry with an id up to
-- audit_sealer.sealed_through is sealed, or never commits. Above it, the sealer seals the entries
-- it can see that are not sealed yet, oldest id first, and remembers which transactions were
-- still running when it looked. An entry that commits after a higher id was sealed belongs to
-- one of them: the insert trigger gives the writer's transaction its transaction id before it
-- takes the entry's id, so a transaction that took a lower id was already running, and seen as
-- running, when the higher id was read. When such a transaction ends, the sealer looks again,
-- only above the highest id sealed before that transaction was first seen; sealed_through moves
-- up to the oldest of those still running.

-- No append or sealing turn runs while the sealer's state moves over.
LOCK TABLE audit_entry IN EXCLUSIVE MODE;
LOCK TABLE audit_unsealed IN ACCESS EXCLUSIVE MODE;

ALTER TABLE audit_sealer
    ADD COLUMN sealed_through bigint NOT NULL DEFAULT 0,
    -- Counts the sealing turns that changed the state, so a node knows whether another sealed since.
    ADD COLUMN turn bigint NOT NULL DEFAULT 0;
-- Everything below the oldest queued entry is sealed (V050 queued every entry it did not seal).
UPDATE audit_sealer SET sealed_through = coalesce((SELECT min(entry_id) - 1 FROM audit_unsealed),
                                                   (SELECT max(id) FROM audit_entry), 0);

DO $do$
DECLARE
    s text := quote_ident(current_schema());
BEGIN
    EXECUTE format($fn$
        CREATE OR REPLACE FUNCTION %1$s.audit_entry_ledger_fields() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
        DECLARE
            now_utc timestamptz := clock_timestamp();
        BEGIN
            -- The transaction id first, then the entry's id (see the top of V110).
            PERFORM pg_current_xact_id();
            NEW.id := nextval('%1$s.audit_entry_id_seq');
            IF NEW.occurred_at IS NULL OR NEW.occurred_at > now_utc OR NEW.occurred_at < now_utc - interval '1 second'
               OR date_trunc('month', NEW.occurred_at AT TIME ZONE 'UTC') = date_trunc('month', now_utc AT TIME ZONE 'UTC') THEN
                NEW.occurred_at := now_utc;
            END IF;
            NEW.prev_hash := NULL;
            NEW.hash := NULL;
            NEW.details := NEW.details_text::jsonb;
            RETURN NEW;
        END $body$
    $fn$, s);
END $do$;

DROP TABLE audit_unsealed;

-- The entries committed and not yet sealed, under the name the queue had. An entry with an id
-- the sequence never gave (written by hand, past the sequence) is not in it: verification names
-- such an entry as not sealed.
CREATE VIEW audit_unsealed AS
SELECT e.id AS entry_id, e.occurred_at
  FROM audit_entry e
 WHERE e.id > (SELECT sealed_through FROM audit_sealer)
   AND e.id <= (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM audit_entry_id_seq)
   AND NOT EXISTS (SELECT 1 FROM audit_entry_seal s WHERE s.entry_id = e.id);

DO $do$
DECLARE
    app text := '${appUser}';
BEGIN
    IF app = '' OR app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE ALL ON audit_unsealed FROM %I', app);
    EXECUTE format('GRANT SELECT ON audit_unsealed TO %I', app);
END $do$;
