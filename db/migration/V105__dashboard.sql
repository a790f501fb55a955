-- The supervisors' dashboard: daily figures folded from the audit ledger's sealed blocks, in block
-- order, each block exactly once (the dashboard package documentation says why this source). Days
-- are calendar days in the console's time zone (closure.ui.time-zone), which the fold records; a
-- different zone makes the next fold count everything again.
--
-- Only the fold job writes these tables, one fold at a time across all nodes (the row lock of
-- dashboard_fold); no action of an agent or supervisor touches them, so recording an action never
-- waits for the dashboard. The application role gets the same rights as on every table of a later
-- migration (V011's default privileges): the figures are a summary of the trail, not evidence, and
-- can always be folded again from it.

-- How far the fold has come: blocks up to last_block_no are counted.
CREATE TABLE dashboard_fold (
    singleton       boolean      PRIMARY KEY DEFAULT true CHECK (singleton),
    last_block_no   bigint       NOT NULL DEFAULT 0 CHECK (last_block_no >= 0),
    entries_folded  bigint       NOT NULL DEFAULT 0,
    time_zone       varchar(64),
    -- When a fold last found no sealed block left to count.
    caught_up_at    timestamptz
);
INSERT INTO dashboard_fold DEFAULT VALUES;

-- Closures per day: submitted, and how they ended (COMPLETED, FAILED, REJECTED, CANCELLED).
CREATE TABLE dashboard_closure_day (
    day       date        NOT NULL,
    outcome   varchar(16) NOT NULL,
    closures  bigint      NOT NULL,
    PRIMARY KEY (day, outcome)
);

-- Which account was checked on which day, and which conditions blocked it at least once that day
-- (code '' stands for the check itself): what makes the daily counts below count accounts, not
-- checks.
CREATE TABLE dashboard_check_seen (
    day         date        NOT NULL,
    account_id  varchar(16) NOT NULL,
    code        text        NOT NULL,
    PRIMARY KEY (day, account_id, code)
);

-- Accounts checked per day (code '') and accounts blocked by each condition that day.
CREATE TABLE dashboard_check_day (
    day       date   NOT NULL,
    code      text   NOT NULL,
    accounts  bigint NOT NULL,
    PRIMARY KEY (day, code)
);

-- Each account's first eligibility check, where a closure's time is measured from.
CREATE TABLE dashboard_first_check (
    account_id        varchar(16) PRIMARY KEY,
    first_checked_at  timestamptz NOT NULL
);

-- Each completed closure (its CLOSURE_COMPLETE entry) and the time from the account's first check.
CREATE TABLE dashboard_time_to_close (
    entry_id    bigint      PRIMARY KEY,
    day         date        NOT NULL,
    account_id  varchar(16) NOT NULL,
    millis      bigint      NOT NULL CHECK (millis >= 0)
);
-- Median and 90th percentile of a period read the index only.
CREATE INDEX dashboard_time_to_close_day ON dashboard_time_to_close (day, millis);

-- Refused closure attempts per day: the action refused and the reason the console gave.
CREATE TABLE dashboard_refusal_day (
    day       date   NOT NULL,
    action    text   NOT NULL,
    reason    text   NOT NULL,
    refusals  bigint NOT NULL,
    PRIMARY KEY (day, action, reason)
);

-- Customer notifications per day and channel: queued, delivery attempts that succeeded, attempts
-- that failed, and failures after the last attempt.
CREATE TABLE dashboard_notification_day (
    day              date   NOT NULL,
    channel          text   NOT NULL,
    queued           bigint NOT NULL,
    delivered        bigint NOT NULL,
    failed_attempts  bigint NOT NULL,
    failed_for_good  bigint NOT NULL,
    PRIMARY KEY (day, channel)
);
