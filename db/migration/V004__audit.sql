-- The audit trail: one row per action of an agent or supervisor. Rows are only ever inserted.
CREATE TABLE audit_entry (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz  NOT NULL,
    actor           varchar(64)  NOT NULL,
    actor_role      varchar(16),
    client_address  varchar(64),
    action          varchar(48)  NOT NULL,
    account_id      varchar(16),
    outcome         varchar(16)  NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED', 'BLOCKED')),
    details         jsonb        NOT NULL DEFAULT '{}'::jsonb,
    correlation_id  uuid,
    prev_hash       varchar(64),
    hash            varchar(64)  NOT NULL
);
-- Seek pagination newest first, unfiltered and per filter.
CREATE INDEX audit_entry_time ON audit_entry (occurred_at DESC, id DESC);
CREATE INDEX audit_entry_actor ON audit_entry (actor, occurred_at DESC, id DESC);
CREATE INDEX audit_entry_account ON audit_entry (account_id, occurred_at DESC, id DESC) WHERE account_id IS NOT NULL;
CREATE INDEX audit_entry_action ON audit_entry (action, occurred_at DESC, id DESC);
CREATE INDEX audit_entry_correlation ON audit_entry (correlation_id) WHERE correlation_id IS NOT NULL;

-- Records are never changed or deleted by anyone through SQL, whatever their grants.
CREATE FUNCTION audit_entry_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_reject_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_reject_change();
