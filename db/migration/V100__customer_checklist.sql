-- The customer's checklist: from the account view an agent sends the customer the list of what
-- blocks closure, with what to do about each and when it lifts by itself.

-- The customer's language, as the wallet knows it: the checklist (and the closure result) is
-- written in it. The wallet's customers read Simplified Chinese unless the wallet says otherwise.
ALTER TABLE account ADD COLUMN locale varchar(8) NOT NULL DEFAULT 'zh_CN' CHECK (locale IN ('zh_CN', 'en'));

-- A checklist is a notification of its own, with no closure request behind it, and its text is
-- fixed when the agent sends it: exactly what the agent previewed is what the customer receives.
ALTER TABLE notification
    ALTER COLUMN closure_request_id DROP NOT NULL,
    ADD COLUMN subject text,
    ADD COLUMN body text,
    ADD CONSTRAINT notification_text_complete CHECK ((subject IS NULL) = (body IS NULL)),
    -- Without a closure request, a notification carries its own text.
    ADD CONSTRAINT notification_has_origin CHECK (closure_request_id IS NOT NULL OR body IS NOT NULL);

-- One row per checklist sent: who sent it and when, and its notification (channel, masked on
-- display, and delivery status live there). The daily limit counts these rows per account.
CREATE TABLE customer_checklist (
    id               uuid         PRIMARY KEY,
    account_id       varchar(16)  NOT NULL REFERENCES account (id),
    notification_id  bigint       NOT NULL UNIQUE REFERENCES notification (id),
    sent_by          varchar(64)  NOT NULL,
    sent_at          timestamptz  NOT NULL,
    locale           varchar(8)   NOT NULL,
    blockers         varchar(40)[] NOT NULL CHECK (cardinality(blockers) > 0)
);
CREATE INDEX customer_checklist_account ON customer_checklist (account_id, sent_at DESC);
