-- Notifications are claimed with a lease instead of a lock held while sending: a short
-- transaction sets lease_owner / lease_until and commits, the message is sent outside any
-- transaction, and the result is recorded in another short transaction only by the lease's
-- owner. A node that dies mid-send leaves a lease that runs out, and another node takes over.
ALTER TABLE notification
    ADD COLUMN lease_owner varchar(64),
    ADD COLUMN lease_until timestamptz,
    -- How often a supervisor sent a FAILED notification again: part of the message's stable id,
    -- so a deliberate resend is a new message while a retry after a crash is the same one.
    ADD COLUMN resends integer NOT NULL DEFAULT 0;

-- Supervisors list the notifications that failed for good.
CREATE INDEX notification_failed ON notification (created_at DESC) WHERE status = 'FAILED';

-- The recording senders behave like a gateway that honours idempotency keys: a message handed
-- over twice with the same key is kept once.
ALTER TABLE sent_message ADD COLUMN idempotency_key varchar(80) UNIQUE;
