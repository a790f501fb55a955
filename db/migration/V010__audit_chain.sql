-- The audit trail's tamper-evident chain, and what the supervisors' audit browser filters on.

-- The details exactly as the application wrote and hashed them, in the publisher's order (jsonb
-- re-orders keys and re-spaces the text, so it cannot be hashed reproducibly). The jsonb column
-- stays for structured queries; verification checks that both say the same.
ALTER TABLE audit_entry ADD COLUMN details_text text;
ALTER TABLE audit_entry ALTER COLUMN details_text SET NOT NULL;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_hash_is_sha256 CHECK (hash ~ '^[0-9a-f]{64}$');
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_prev_hash_is_sha256 CHECK (prev_hash ~ '^[0-9a-f]{64}$');

-- The newest link of the chain. Only the insert trigger below moves it, and only forward: so the
-- newest entries cannot be removed unnoticed, and an entry that does not link to the head is refused.
CREATE TABLE audit_chain_head (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_id    bigint,
    last_hash  varchar(64),
    CHECK ((last_id IS NULL) = (last_hash IS NULL))
);
INSERT INTO audit_chain_head (singleton, last_id, last_hash)
SELECT true, (SELECT id FROM audit_entry ORDER BY id DESC LIMIT 1),
             (SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1);

-- Runs with the owner's rights, so the application's role needs no write access to the head.
CREATE FUNCTION audit_entry_link_to_head() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    head record;
BEGIN
    EXECUTE format('SELECT last_id, last_hash FROM %I.audit_chain_head FOR UPDATE', TG_TABLE_SCHEMA) INTO head;
    IF NEW.prev_hash IS DISTINCT FROM head.last_hash OR NEW.id <= coalesce(head.last_id, 0) THEN
        RAISE EXCEPTION 'audit entry % does not link to the head of the chain (entry %): refused', NEW.id, head.last_id;
    END IF;
    EXECUTE format('UPDATE %I.audit_chain_head SET last_id = $1, last_hash = $2', TG_TABLE_SCHEMA)
        USING NEW.id, NEW.hash;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_entry_link BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_link_to_head();

CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.singleton AND NEW.last_id > coalesce(OLD.last_id, 0) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit chain head only moves forward (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_forward_only();

-- The browser's outcome filter, and "text in the details" (pg_trgm serves LIKE '%…%').
CREATE INDEX audit_entry_outcome ON audit_entry (outcome, occurred_at DESC, id DESC);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX audit_entry_details_text ON audit_entry USING gin (details_text gin_trgm_ops);
