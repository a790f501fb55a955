-- A request to close one account, from submission to its final state.
CREATE TABLE closure_request (
    id                     uuid         PRIMARY KEY,
    account_id             varchar(16)  NOT NULL REFERENCES account (id),
    state                  varchar(24)  NOT NULL
        CHECK (state IN ('SUBMITTED', 'AWAITING_APPROVAL', 'COOLING_OFF', 'COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED')),
    idempotency_key        varchar(64)  NOT NULL UNIQUE,
    initiated_by           varchar(64)  NOT NULL,
    verification_method    varchar(32)  NOT NULL,
    confirmation_version   varchar(32)  NOT NULL,
    reason_code            varchar(32)  NOT NULL,
    reason_text            text,
    taobao_outcome         varchar(24)  NOT NULL,
    submitted_at           timestamptz  NOT NULL,
    due_at                 timestamptz,
    decided_by             varchar(64),
    decision_reason        text,
    finished_at            timestamptz,
    failure_reason         text,
    version                bigint       NOT NULL DEFAULT 0
);
-- At most one closure in flight per account, whatever races the application loses.
CREATE UNIQUE INDEX closure_request_one_active ON closure_request (account_id)
    WHERE state IN ('SUBMITTED', 'AWAITING_APPROVAL', 'COOLING_OFF');
CREATE INDEX closure_request_account ON closure_request (account_id, submitted_at DESC);
CREATE INDEX closure_request_due ON closure_request (due_at) WHERE state = 'COOLING_OFF';
