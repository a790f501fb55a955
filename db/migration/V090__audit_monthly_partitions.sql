-- The audit trail, partitioned by month of occurred_at (UTC), so that a month can be archived
-- together with its block digests (README "Audit", archiving a month).
--
-- Entries already in the trail are not rewritten: the existing table, rows and indexes as they
-- are, becomes the first partition, audit_entry_before_partitioning, holding everything before
-- the start of next month; months from then on get partitions of their own. (A trail with no
-- entries yet needs no such partition: it starts with this month's.) Both the old chain (V010)
-- and the ledger's seals still name every entry by its id, which stays what it was.
--
-- Partitions are created ahead of time by audit_entry_add_months (the sealer, connected as the
-- owner, keeps the next three months ready): there is no DEFAULT partition, because entries in
-- it could never be moved to the month they belong to (entries are append-only) and would keep
-- that month's partition from being created.

-- The ids' sequence belongs to the new table, not to the partition (which may be detached and
-- dropped one day).
ALTER SEQUENCE audit_entry_id_seq OWNED BY NONE;
ALTER TABLE audit_entry RENAME TO audit_entry_before_partitioning;
DROP TRIGGER audit_entry_ledger ON audit_entry_before_partitioning;
DROP TRIGGER audit_entry_no_update_delete ON audit_entry_before_partitioning;

CREATE TABLE audit_entry (LIKE audit_entry_before_partitioning INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (occurred_at);
ALTER SEQUENCE audit_entry_id_seq OWNED BY audit_entry.id;
ALTER TABLE audit_entry ALTER COLUMN occurred_at SET DEFAULT clock_timestamp();

-- A unique key must contain the partition key. Ids are unique all the same: only the insert
-- trigger gives them, from one sequence. Lookups by id use this key's leading column.
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_pkey_month PRIMARY KEY (id, occurred_at);
-- The same definitions as V004/V010, so the existing table's indexes become this table's
-- partitions' indexes as they are, without being built again.
CREATE INDEX audit_entry_time_month ON audit_entry (occurred_at DESC, id DESC);
CREATE INDEX audit_entry_actor_month ON audit_entry (actor, occurred_at DESC, id DESC);
CREATE INDEX audit_entry_account_month ON audit_entry (account_id, occurred_at DESC, id DESC) WHERE account_id IS NOT NULL;
CREATE INDEX audit_entry_action_month ON audit_entry (action, occurred_at DESC, id DESC);
CREATE INDEX audit_entry_correlation_month ON audit_entry (correlation_id) WHERE correlation_id IS NOT NULL;
CREATE INDEX audit_entry_outcome_month ON audit_entry (outcome, occurred_at DESC, id DESC);
CREATE INDEX audit_entry_details_text_month ON audit_entry USING gin (details_text gin_trgm_ops);

-- Queue rows carry their entry's time, so the sealer finds each entry in its own month's
-- partition only (run-time partition pruning), not by probing every month.
ALTER TABLE audit_unsealed ADD COLUMN occurred_at timestamptz;
UPDATE audit_unsealed u SET occurred_at = e.occurred_at FROM audit_entry_before_partitioning e WHERE e.id = u.entry_id;
DELETE FROM audit_unsealed WHERE occurred_at IS NULL;
ALTER TABLE audit_unsealed ALTER COLUMN occurred_at SET NOT NULL;

-- Seals carry their entry's time too, so verification finds each sealed entry in its own month's
-- partition. The time is no part of any hash: a seal whose time does not name its entry finds no
-- entry, and verification reports the entry missing. Existing seals get it from their entries
-- (the seals' append-only trigger is held off for this one statement; the entries are not touched).
ALTER TABLE audit_entry_seal ADD COLUMN occurred_at timestamptz;
ALTER TABLE audit_entry_seal DISABLE TRIGGER audit_entry_seal_no_update_delete;
UPDATE audit_entry_seal s SET occurred_at = e.occurred_at FROM audit_entry_before_partitioning e WHERE e.id = s.entry_id;
ALTER TABLE audit_entry_seal ENABLE TRIGGER audit_entry_seal_no_update_delete;

-- Creates (if missing) the partition of each month from the month of first_month for months
-- months, as the owner: the partition is attached (which takes no lock that writers or readers
-- wait on), gets the truncate guard (row triggers come with the parent), and no role but the owner
-- has rights on it directly (the application reads and appends through audit_entry only).
-- Answers the number of partitions created.
CREATE FUNCTION audit_entry_add_months(first_month timestamptz, months integer) RETURNS integer
    LANGUAGE plpgsql AS $fn$
DECLARE
    created integer := 0;
    month_start timestamp;
    lower_bound timestamptz;
    upper_bound timestamptz;
    partition_name text;
    grantee oid;
BEGIN
    FOR i IN 0 .. months - 1 LOOP
        month_start := date_trunc('month', first_month AT TIME ZONE 'UTC') + make_interval(months => i);
        lower_bound := month_start AT TIME ZONE 'UTC';
        upper_bound := (month_start + interval '1 month') AT TIME ZONE 'UTC';
        partition_name := 'audit_entry_' || to_char(month_start, 'YYYY_MM');
        CONTINUE WHEN EXISTS (
            SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'audit_entry'::regclass
               AND c.relname = partition_name);
        -- A month already inside another partition's range (the one from before partitioning) is skipped.
        CONTINUE WHEN EXISTS (
            SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'audit_entry'::regclass
               AND c.relname = 'audit_entry_before_partitioning'
               AND lower_bound < (SELECT (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz));
        EXECUTE format('CREATE TABLE %I (LIKE audit_entry INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition_name);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (occurred_at >= %L AND occurred_at < %L)',
                       partition_name, partition_name || '_month', lower_bound, upper_bound);
        EXECUTE format('ALTER TABLE audit_entry ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                       partition_name, lower_bound, upper_bound);
        EXECUTE format('CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_reject_change()', partition_name);
        FOR grantee IN SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
                        WHERE c.oid = partition_name::regclass AND a.grantee <> c.relowner LOOP
            IF grantee = 0 THEN
                EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', partition_name);
            ELSE
                EXECUTE format('REVOKE ALL ON %I FROM %I', partition_name, grantee::regrole::text);
            END IF;
        END LOOP;
        created := created + 1;
    END LOOP;
    RETURN created;
END $fn$;
REVOKE ALL ON FUNCTION audit_entry_add_months(timestamptz, integer) FROM PUBLIC;

DO $do$
DECLARE
    next_month timestamptz := (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
    grantee oid;
BEGIN
    IF EXISTS (SELECT 1 FROM audit_entry_before_partitioning) THEN
        -- Validates the bound against the rows (a scan, no rewrite); the indexes above match the
        -- existing ones, so only the new primary key, (id, occurred_at) instead of (id), is built.
        ALTER TABLE audit_entry_before_partitioning DROP CONSTRAINT audit_entry_pkey;
        EXECUTE format('ALTER TABLE audit_entry ATTACH PARTITION audit_entry_before_partitioning '
                       'FOR VALUES FROM (MINVALUE) TO (%L)', next_month);
        FOR grantee IN SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
                        WHERE c.oid = 'audit_entry_before_partitioning'::regclass AND a.grantee <> c.relowner LOOP
            IF grantee = 0 THEN
                REVOKE ALL ON audit_entry_before_partitioning FROM PUBLIC;
            ELSE
                EXECUTE format('REVOKE ALL ON audit_entry_before_partitioning FROM %I', grantee::regrole::text);
            END IF;
        END LOOP;
    ELSE
        DROP TABLE audit_entry_before_partitioning;
    END IF;
    PERFORM audit_entry_add_months(now(), 4);
END $do$;

-- Rows are never changed or deleted, in any partition (row triggers are cloned to each).
CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_reject_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_reject_change();

-- The insert trigger of V050, now running on the partition the row was routed to. Routing used
-- the time the statement gave (the console's insert and the column default say clock_timestamp());
-- the trigger replaces it with its own reading of the clock. A time in another month than the
-- database's is refused by PostgreSQL (a row cannot change partition in a BEFORE trigger); only
-- a reading less than a second old from the month just ended, an insert that straddled the turn
-- of the month, is kept as it is.
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
            NEW.id := nextval('%1$s.audit_entry_id_seq');
            IF NEW.occurred_at IS NULL OR NEW.occurred_at > now_utc OR NEW.occurred_at < now_utc - interval '1 second'
               OR date_trunc('month', NEW.occurred_at AT TIME ZONE 'UTC') = date_trunc('month', now_utc AT TIME ZONE 'UTC') THEN
                NEW.occurred_at := now_utc;
            END IF;
            NEW.prev_hash := NULL;
            NEW.hash := NULL;
            NEW.details := NEW.details_text::jsonb;
            INSERT INTO %1$s.audit_unsealed (entry_id, occurred_at) VALUES (NEW.id, NEW.occurred_at);
            RETURN NEW;
        END $body$
    $fn$, s);
END $do$;
CREATE TRIGGER audit_entry_ledger BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_ledger_fields();

-- The application's role: read and append through the parent, as before (V011); nothing else.
DO $do$
DECLARE
    app text := '${appUser}';
BEGIN
    IF app = '' OR app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE ALL ON audit_entry FROM %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON audit_entry TO %I', app);
END $do$;
