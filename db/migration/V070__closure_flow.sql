-- The steps of each closure flow as the server recorded them, keyed by the flow's id: the
-- customer's identity verification (the method used and whether it passed) and the customer's
-- acceptance of what a closure gives up (with the version of the text shown). A submission is
-- accepted only for a flow of the same account and agent whose steps are recorded here, so no
-- client can skip a step; the rows are in the database, so a flow survives a switch of node.
CREATE TABLE closure_flow (
    flow_id              uuid         PRIMARY KEY,
    account_id           varchar(16)  NOT NULL,
    started_by           varchar(64)  NOT NULL,
    started_at           timestamptz  NOT NULL,
    verification_method  varchar(32)  NOT NULL,
    verification_passed  boolean      NOT NULL,
    verified_at          timestamptz  NOT NULL,
    confirmation_version varchar(32),
    confirmed_at         timestamptz,
    CHECK ((confirmation_version IS NULL) = (confirmed_at IS NULL))
);
