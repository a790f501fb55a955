-- The completion job completes each request in its own transaction; a request whose completion
-- fails is tried again after a pause that doubles each time, and after the last attempt fails
-- with its reason. These columns keep that count, the next moment to try and the last error (a
-- code, never a message).
ALTER TABLE closure_request
    ADD COLUMN completion_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at     timestamptz,
    ADD COLUMN last_error          text;
