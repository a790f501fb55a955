-- The audit ledger. Appending takes no lock: the database gives each entry its id, its time and
-- its ledger fields, and queues it for the sealer. The sealer (one at a time, connected as the
-- owner) seals committed entries into blocks: a Merkle root over the entries plus the hash of the
-- block before, signed with a key that never enters the database. Entries chained in the format
-- of V010 keep their prev_hash and hash and are sealed as they are by the first blocks.

-- The old chain stops growing: its head stays as the record of the last entry chained that way.
DROP TRIGGER audit_entry_link ON audit_entry;
DROP FUNCTION audit_entry_link_to_head();
ALTER TABLE audit_entry ALTER COLUMN hash DROP NOT NULL;

-- Ids come from a sequence only the owner's trigger uses: no caller can pick an id, not even
-- with OVERRIDING SYSTEM VALUE.
ALTER TABLE audit_entry ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE audit_entry_id_seq AS bigint OWNED BY audit_entry.id;
SELECT setval('audit_entry_id_seq', coalesce((SELECT max(id) FROM audit_entry), 0) + 1, false);

-- Entries committed but not yet sealed. A row is added by the insert trigger in the writer's own
-- transaction, so an entry is queued exactly when it commits, whatever order ids commit in; the
-- sealer removes it in the transaction that seals it. Existing entries are queued here.
CREATE TABLE audit_unsealed (
    entry_id bigint PRIMARY KEY
);
INSERT INTO audit_unsealed (entry_id) SELECT id FROM audit_entry;

CREATE TABLE audit_block (
    block_no         bigint       PRIMARY KEY CHECK (block_no > 0),
    sealed_at        timestamptz  NOT NULL,
    entry_count      integer      NOT NULL CHECK (entry_count > 0),
    first_entry_id   bigint       NOT NULL,
    last_entry_id    bigint       NOT NULL,
    merkle_root      varchar(64)  NOT NULL CHECK (merkle_root ~ '^[0-9a-f]{64}$'),
    prev_block_hash  varchar(64)  CHECK (prev_block_hash ~ '^[0-9a-f]{64}$'),
    block_hash       varchar(64)  NOT NULL CHECK (block_hash ~ '^[0-9a-f]{64}$'),
    signature        varchar(128) NOT NULL,
    key_id           varchar(32)  NOT NULL
);

-- Which block seals an entry, at which leaf, and the leaf's hash.
CREATE TABLE audit_entry_seal (
    entry_id   bigint      PRIMARY KEY,
    block_no   bigint      NOT NULL REFERENCES audit_block,
    position   integer     NOT NULL,
    leaf_hash  varchar(64) NOT NULL CHECK (leaf_hash ~ '^[0-9a-f]{64}$'),
    UNIQUE (block_no, position)
);

-- The sealer's state: its row lock makes one sealer at a time across all nodes.
CREATE TABLE audit_sealer (
    singleton        boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_block_no    bigint  NOT NULL DEFAULT 0,
    last_block_hash  varchar(64)
);
INSERT INTO audit_sealer DEFAULT VALUES;

-- Blocks sealed whose digest is not yet in the digest store outside the database.
CREATE TABLE audit_digest_pending (
    block_no bigint PRIMARY KEY REFERENCES audit_block
);

CREATE TRIGGER audit_block_no_update_delete BEFORE UPDATE OR DELETE ON audit_block
    FOR EACH ROW EXECUTE FUNCTION audit_entry_reject_change();
CREATE TRIGGER audit_block_no_truncate BEFORE TRUNCATE ON audit_block
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_reject_change();
CREATE TRIGGER audit_entry_seal_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry_seal
    FOR EACH ROW EXECUTE FUNCTION audit_entry_reject_change();
CREATE TRIGGER audit_entry_seal_no_truncate BEFORE TRUNCATE ON audit_entry_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_reject_change();

-- The insert trigger, with the owner's rights and this schema's names fixed in it.
DO $do$
DECLARE
    s text := quote_ident(current_schema());
BEGIN
    EXECUTE format($fn$
        CREATE FUNCTION %1$s.audit_entry_ledger_fields() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
        BEGIN
            NEW.id := nextval('%1$s.audit_entry_id_seq');
            NEW.occurred_at := clock_timestamp();
            NEW.prev_hash := NULL;
            NEW.hash := NULL;
            NEW.details := NEW.details_text::jsonb;
            INSERT INTO %1$s.audit_unsealed (entry_id) VALUES (NEW.id);
            RETURN NEW;
        END $body$
    $fn$, s);
END $do$;
REVOKE ALL ON FUNCTION audit_entry_ledger_fields() FROM PUBLIC;
CREATE TRIGGER audit_entry_ledger BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_ledger_fields();

-- The application's role reads the ledger and appends entries through the trigger, nothing more:
-- it cannot pick ids, lock the sealer's row, or write blocks, seals or the queue.
DO $do$
DECLARE
    app text := '${appUser}';
BEGIN
    IF app = '' OR app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE ALL ON audit_unsealed, audit_block, audit_entry_seal, audit_sealer, audit_digest_pending FROM %I', app);
    EXECUTE format('GRANT SELECT ON audit_unsealed, audit_block, audit_entry_seal, audit_sealer, audit_digest_pending TO %I', app);
    EXECUTE format('REVOKE ALL ON SEQUENCE audit_entry_id_seq FROM %I', app);
END $do$;
