-- Audit entries ${from} to ${to}, chained to the entry before them (hash ${seed}). The OFFSET 0
-- stages keep each derived value a column of its own, computed once: a SQL helper that reads its
-- argument several times is inlined only when that argument is a plain column, and otherwise runs
-- through the function executor at ten times the cost.
WITH inserted AS (
INSERT INTO audit_entry (id, occurred_at, actor, actor_role, client_address, action, account_id, outcome,
                         details${detailsTextColumn}, correlation_id, prev_hash, hash)
OVERRIDING SYSTEM VALUE
SELECT id, occurred_at, actor, actor_role, client_address, action, account_id, outcome,
       CAST(details_text AS jsonb)${detailsTextValue}, correlation_id,
       coalesce(lag(hash) OVER (ORDER BY id), ${seed}), hash
  FROM (SELECT e.*, perf_load.chain(
                   convert_to(E'closure-console/audit-entry/v1\n', 'UTF8')
                   || perf_load.field(e.id_text) || perf_load.field(e.occurred_text)
                   || perf_load.field(e.actor) || perf_load.field(e.actor_role) || perf_load.field(e.client_address)
                   || perf_load.field(e.action) || perf_load.field(e.account_id) || perf_load.field(e.outcome)
                   || perf_load.field(e.details_text) || perf_load.field(e.correlation_text),
                   ${seed}) OVER (ORDER BY e.id ROWS UNBOUNDED PRECEDING) AS hash
          FROM (SELECT t.*, t.id::text AS id_text, t.correlation_id::text AS correlation_text,
                       to_char(t.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_text
          FROM (SELECT g AS id,
                       ${start}::timestamptz + (((g - 1) * ${stepMicros} + perf_load.h(g, 207) % ${stepMicros})
                                                * interval '1 microsecond') AS occurred_at,
                       actor,
                       CASE WHEN action = 'SIGN_IN_FAILED' THEN NULL
                            WHEN actor LIKE 'supervisor%' THEN 'SUPERVISOR' ELSE 'AGENT' END AS actor_role,
                       '10.20.' || (hashtext(actor) & 127)::text || '.' || (1 + perf_load.h(g, 208) % 3)::text AS client_address,
                       action, account_id, outcome,
                       perf_load.audit_details(g, action, account_id, outcome) AS details_text,
                       CASE WHEN action LIKE 'CLOSURE%' OR action LIKE 'NOTIFICATION%' OR action = 'IDENTITY_VERIFICATION'
                            THEN md5('closure-' || account_id || '-' || (perf_load.h(g, 209) % 3)::text)::uuid END AS correlation_id
                  FROM (SELECT g, action, perf_load.audit_actor(g, action) AS actor,
                               perf_load.audit_account(g, action, ${heavy}, ${accounts}) AS account_id,
                               perf_load.audit_outcome(g, action) AS outcome
                          FROM (SELECT g, perf_load.audit_action(g) AS action
                                  FROM generate_series(${from}::bigint, ${to}::bigint) AS g
                                OFFSET 0) AS a
                        OFFSET 0) AS b
                OFFSET 0) AS t
                OFFSET 0) AS e) AS chained
 ORDER BY id
RETURNING id, hash)
-- The hash the next range links to (the table has no index while loading, so it is asked here).
SELECT hash FROM inserted ORDER BY id DESC LIMIT 1;
